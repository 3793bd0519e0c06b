package io.reflex.tools.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What the CLI does to object bodies between reading and writing them. */
public final class Bodies {
  /** Fields the engine sets itself; sending them back would only confuse an editor's diff. */
  private static final List<String> ENGINE_FIELDS = List.of("updated_at", "updated_by", "created_at");

  private Bodies() {}

  /** A copy without the engine-maintained fields, ready to edit or to send as a new object. */
  public static ObjectNode editable(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove(ENGINE_FIELDS);
    return copy;
  }

  /**
   * Merges {@code change} into {@code target} in place as the reference's merge (3.1.5) does: objects merge
   * key by key, arrays and scalars replace.
   */
  public static ObjectNode merge(ObjectNode target, JsonNode change) {
    change
        .properties()
        .forEach(
            e -> {
              JsonNode current = target.get(e.getKey());
              if (current instanceof ObjectNode currentObject && e.getValue().isObject()) {
                merge(currentObject, e.getValue());
              } else {
                target.set(e.getKey(), e.getValue().deepCopy());
              }
            });
    return target;
  }

  /**
   * The value at a dotted path ({@code launch.cfgdir}); a leading {@code obj.} is accepted because that is how
   * expressions name the same value. Array elements are addressed by index. Missing parts give a missing node.
   */
  public static JsonNode dig(JsonNode root, String path) {
    String relative = path.startsWith("obj.") ? path.substring(4) : path;
    JsonNode node = root;
    for (String part : relative.split("\\.")) {
      if (node.isArray() && part.matches("\\d+")) {
        node = node.path(Integer.parseInt(part));
      } else {
        node = node.path(part);
      }
      if (node.isMissingNode()) {
        return MissingNode.getInstance();
      }
    }
    return node;
  }

  /** The top-level field a dotted path starts in: the column to ask the engine for. */
  public static String topField(String path) {
    String relative = path.startsWith("obj.") ? path.substring(4) : path;
    int dot = relative.indexOf('.');
    return dot < 0 ? relative : relative.substring(0, dot);
  }
}
