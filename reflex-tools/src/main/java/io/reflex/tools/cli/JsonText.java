package io.reflex.tools.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Map;
import java.util.TreeMap;

/** JSON and YAML text as the CLI reads and prints it. */
public final class JsonText {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))
          .withSeparators(
              Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

  private JsonText() {}

  /** Indented by two, {@code "key": value}, as the original tools printed objects. */
  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print a JSON tree", e);
    }
  }

  public static String yaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print a JSON tree as YAML", e);
    }
  }

  /**
   * Parses user input (a {@code -c} argument, stdin, an edited file).
   *
   * @throws CliException with exit code 5 and the parser's reason when it is not JSON
   */
  public static JsonNode parse(String text, String what) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw CliException.conflict(what + " is empty; expected a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw CliException.conflict(
          what + " is not valid JSON: " + withoutSource(e.getOriginalMessage()) + " at line " + e.getLocation().getLineNr()
              + ", column " + e.getLocation().getColumnNr());
    }
  }

  /** Jackson's messages can embed a redacted source location; the line and column say it better. */
  private static String withoutSource(String message) {
    return message.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "");
  }

  /** A copy with object keys sorted at every level, so printed objects are easy to compare and diff. */
  public static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      copy.setAll(fields);
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  /** A value as a table cell or {@code -f txt} line: strings raw, everything else as compact JSON. */
  public static String text(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
