package io.reflex.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A config read as a config: the fields the flattener and Launch Assist look at. Reads from the wrapped object
 * so nothing else in it is lost; {@link #sensitive()} keeps secrets in a type that does not print them.
 */
public final class ConfigView {
  private final ReflexObject object;

  private ConfigView(ReflexObject object) {
    this.object = object;
  }

  public static ConfigView of(ReflexObject object) {
    return new ConfigView(Objects.requireNonNull(object, "object"));
  }

  public ReflexObject object() {
    return object;
  }

  /** {@code parameter} or {@code file}. */
  public Optional<String> type() {
    return object.text("type");
  }

  public List<String> extendsConfigs() {
    return strings("extends");
  }

  public List<String> imports() {
    return strings("imports");
  }

  public List<String> exports() {
    return strings("exports");
  }

  /** Environment variables for the launched process, values as text. */
  public Map<String, String> setenv() {
    Map<String, String> result = new LinkedHashMap<>();
    object
        .field("setenv")
        .filter(JsonNode::isObject)
        .ifPresent(node -> node.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText())));
    return Collections.unmodifiableMap(result);
  }

  public Optional<SensitiveData> sensitive() {
    return object.field("sensitive").filter(n -> !n.isNull()).map(SensitiveData::new);
  }

  private List<String> strings(String field) {
    List<String> result = new ArrayList<>();
    object.field(field).filter(JsonNode::isArray).ifPresent(a -> a.forEach(e -> result.add(e.asText())));
    return List.copyOf(result);
  }

  @Override
  public String toString() {
    return "ConfigView[" + object.name() + "]";
  }
}
