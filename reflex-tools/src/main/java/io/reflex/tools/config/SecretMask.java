package io.reflex.tools.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.reflex.tools.cli.JsonText;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hides secret values wherever they ended up: in env lines, rendered files and the merged document. The
 * flattener copies secrets into many places (setenv, templates, JSON files), so masking by value catches the
 * copies that masking by field name would miss.
 */
final class SecretMask {
  static final String MASK = "****";

  private final List<String> secrets;

  private SecretMask(Set<String> secrets) {
    this.secrets = secrets.stream().filter(s -> !s.isEmpty()).sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** Every string under {@code sensitive} (the flattened conf's secret area) plus the given values. */
  static SecretMask of(JsonNode sensitive, List<String> moreSecrets) {
    Set<String> secrets = new LinkedHashSet<>();
    collect(sensitive, secrets);
    secrets.addAll(moreSecrets);
    Set<String> withQuotedForms = new LinkedHashSet<>(secrets);
    secrets.forEach(secret -> withQuotedForms.add(jsonEscaped(secret)));
    return new SecretMask(withQuotedForms);
  }

  String text(String text) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }

  /** A copy with every value under a {@code sensitive} key replaced whole, and secrets elsewhere replaced inside strings. */
  JsonNode document(JsonNode node, boolean underSensitive) {
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), document(field.getValue(), underSensitive || field.getKey().equals("sensitive")));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(element -> copy.add(document(element, underSensitive)));
      return copy;
    }
    if (underSensitive && node.isValueNode() && !node.isNull()) {
      return TextNode.valueOf(MASK);
    }
    return node.isTextual() ? TextNode.valueOf(text(node.asText())) : node;
  }

  private static void collect(JsonNode node, Set<String> into) {
    if (node.isContainerNode()) {
      node.forEach(child -> collect(child, into));
    } else if (node.isValueNode() && !node.isNull()) {
      into.add(node.asText());
    }
  }

  private static String jsonEscaped(String text) {
    try {
      String quoted = JsonText.MAPPER.writeValueAsString(text);
      return quoted.substring(1, quoted.length() - 1);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
