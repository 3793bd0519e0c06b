package io.reflex.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.internal.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One engine object of any type. Objects are schema-light: users add their own top-level fields, and a read,
 * edit and write cycle must hand every one of them back unchanged and in order. So this type wraps the JSON
 * tree as received instead of mapping it onto a fixed class, and offers typed accessors only for the fields
 * every type shares. Instances are immutable; the {@code with} methods return modified copies.
 */
public final class ReflexObject {
  private final ObjectNode json;
  private final String version;

  private ReflexObject(ObjectNode json, String version) {
    this.json = json;
    this.version = version;
  }

  /** Copies {@code json}, so later changes to the caller's tree do not leak in. */
  public static ReflexObject of(ObjectNode json) {
    return new ReflexObject(json.deepCopy(), null);
  }

  /** A new object body with just a name, the one field every type requires. */
  public static ReflexObject named(String name) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("name", Objects.requireNonNull(name, "name"));
    return new ReflexObject(node, null);
  }

  /** Parses a JSON object text, for example a file the user edited. */
  public static ReflexObject parse(String jsonText) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(jsonText);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON object: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("Not a JSON object");
    }
    return new ReflexObject((ObjectNode) node, null);
  }

  static ReflexObject wrap(ObjectNode owned, String version) {
    return new ReflexObject(owned, version);
  }

  /** The numeric id; absent on a body that was never stored. */
  public OptionalLong id() {
    JsonNode id = json.get("id");
    return id != null && id.canConvertToLong() ? OptionalLong.of(id.asLong()) : OptionalLong.empty();
  }

  /** The name, or an empty string when the engine left it out (a list with a {@code cols} without name). */
  public String name() {
    JsonNode name = json.get("name");
    return name == null || name.isNull() ? "" : name.asText();
  }

  /** When the engine last changed the object, whether it sent the time as a string or as a number. */
  public Optional<Instant> updatedAt() {
    return Json.epochSeconds(json.get("updated_at"));
  }

  /** The decimal id of the apikey that last wrote the object. */
  public Optional<String> updatedBy() {
    return text("updated_by").filter(s -> !s.isEmpty());
  }

  /**
   * The version the engine reported in its {@code ETag} on a single GET; pass it to an update to make the write
   * conditional. Absent on list rows and with engines that send no ETag.
   */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** A field's value as text, when present and not an object or array. */
  public Optional<String> text(String field) {
    JsonNode value = json.get(field);
    return value != null && value.isValueNode() && !value.isNull()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  /** A copy of one field's JSON value. */
  public Optional<JsonNode> field(String field) {
    JsonNode value = json.get(field);
    return value == null ? Optional.empty() : Optional.of(value.deepCopy());
  }

  public boolean has(String field) {
    return json.has(field);
  }

  /** Returns a copy with {@code field} set; an existing field keeps its position, a new one goes last. */
  public ReflexObject with(String field, Object value) {
    ObjectNode copy = json.deepCopy();
    copy.set(field, Json.MAPPER.valueToTree(value));
    return new ReflexObject(copy, version);
  }

  /** Returns a copy without {@code field}. */
  public ReflexObject without(String field) {
    ObjectNode copy = json.deepCopy();
    copy.remove(field);
    return new ReflexObject(copy, version);
  }

  /** A copy of the whole tree, fields in the order received. */
  public ObjectNode json() {
    return json.deepCopy();
  }

  ObjectNode tree() {
    return json;
  }

  /** Compact JSON text of the object, fields in the order received. */
  public String toJson() {
    return json.toString();
  }

  /** Equal when the JSON trees are equal; the ETag version is transport metadata and does not count. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ReflexObject that && json.equals(that.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /** Shows only id and name, because bodies can carry secrets (config {@code sensitive}, apikey secrets). */
  @Override
  public String toString() {
    return "ReflexObject[" + name() + (id().isPresent() ? "." + id().getAsLong() : "") + "]";
  }
}
