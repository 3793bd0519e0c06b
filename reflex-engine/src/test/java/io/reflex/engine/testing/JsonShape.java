package io.reflex.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The vectors' {@code body_shape} matcher: {@code {"$type": T}}, {@code {"$re": R}} and {@code {"$ref": N}}
 * placeholders, exact keys for objects, elements in order for arrays, equality otherwise.
 */
public final class JsonShape {

    private JsonShape() {}

    /** @return a description of the first mismatch, or empty when {@code actual} matches */
    public static Optional<String> mismatch(JsonNode shape, JsonNode actual, String path) {
        if (shape.isObject() && shape.size() == 1) {
            if (shape.has("$type")) {
                return typeMatches(shape.get("$type").asText(), actual) ? Optional.empty()
                        : Optional.of(path + ": expected a " + shape.get("$type").asText() + ", got " + actual);
            }
            if (shape.has("$re")) {
                return actual.isTextual() && actual.asText().matches(shape.get("$re").asText()) ? Optional.empty()
                        : Optional.of(path + ": " + actual + " does not match " + shape.get("$re").asText());
            }
            if (shape.has("$ref")) {
                return actual.isTextual() && actual.asText().matches(java.util.regex.Pattern.quote(shape.get("$ref").asText()) + "\\.[0-9]+")
                        ? Optional.empty() : Optional.of(path + ": " + actual + " is not a reference to " + shape.get("$ref"));
            }
        }
        if (shape.isObject()) {
            if (!actual.isObject() || actual.size() != shape.size()) {
                return Optional.of(path + ": expected keys " + names(shape) + ", got " + actual);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = shape.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!actual.has(field.getKey())) {
                    return Optional.of(path + ": missing " + field.getKey() + " in " + actual);
                }
                Optional<String> inner = mismatch(field.getValue(), actual.get(field.getKey()), path + "." + field.getKey());
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (shape.isArray()) {
            if (!actual.isArray() || actual.size() != shape.size()) {
                return Optional.of(path + ": expected " + shape.size() + " elements, got " + actual);
            }
            for (int i = 0; i < shape.size(); i++) {
                Optional<String> inner = mismatch(shape.get(i), actual.get(i), path + "[" + i + "]");
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        return shape.equals(actual) ? Optional.empty() : Optional.of(path + ": expected " + shape + ", got " + actual);
    }

    private static boolean typeMatches(String type, JsonNode actual) {
        return switch (type) {
            case "int" -> actual.isIntegralNumber();
            case "number" -> actual.isNumber();
            case "string" -> actual.isTextual();
            case "object" -> actual.isObject();
            case "array" -> actual.isArray();
            default -> false;
        };
    }

    private static String names(JsonNode object) {
        StringBuilder out = new StringBuilder();
        object.fieldNames().forEachRemaining(n -> out.append(out.isEmpty() ? "" : ",").append(n));
        return out.toString();
    }
}
