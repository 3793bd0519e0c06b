package io.reflex.engine.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.engine.http.ApiException;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.model.ObjectKind.Field;
import io.reflex.engine.model.Target;
import io.reflex.engine.policy.PolicyEngine;
import io.reflex.engine.policy.expr.ExpressionSyntaxException;
import io.reflex.engine.policy.expr.PolicyExpression;
import io.reflex.engine.policy.password.PasswordHash;
import io.reflex.engine.store.StoredObject;
import io.reflex.engine.store.WriteTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a submitted object against its type and brings it into stored form: required fields and JSON shapes,
 * the per-type rules (config type, policy defaults, scope and group normalisation) and soft references rewritten to
 * {@code name.id} or {@code name.notfound}. Unresolved references are warnings, as in the original, except a
 * scope's policy, which must exist.
 */
final class Normalizer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String GROUP_TYPES =
            "policy, policyscope, pipeline, service, config, instance, apikey, build, group, authsession, state, set, password";

    private Normalizer() {}

    /** The normalised object and the warnings for the write's answer. */
    record Result(ObjectNode data, List<String> warnings) {}

    static Result normalize(ObjectKind kind, ObjectNode data, WriteTransaction tx) {
        validateShape(kind, data);
        List<String> warnings = new ArrayList<>();
        switch (kind) {
            case CONFIG -> checkConfigType(data);
            case POLICY -> normalizePolicy(data);
            case POLICYSCOPE -> normalizeScope(data);
            case GROUP -> normalizeGroup(data, tx, warnings);
            default -> { }
        }
        for (Field field : kind.fields()) {
            JsonNode value = data.get(field.name());
            if (field.refersTo().isEmpty() || value == null || value.isNull()) {
                continue;
            }
            String table = field.refersTo().get();
            if (value.isArray()) {
                ArrayNode resolved = JSON.arrayNode();
                value.forEach(v -> resolved.add(reference(table, v, tx, warnings)));
                data.set(field.name(), resolved);
            } else {
                String resolved = reference(table, value, tx, warnings);
                if (kind == ObjectKind.POLICYSCOPE && resolved.endsWith(".notfound")) {
                    throw ApiException.badRequest("Policy:" + nameOf(value) + " not found");
                }
                data.put(field.name(), resolved);
            }
        }
        return new Result(data, warnings);
    }

    /** Required fields present and not null; every non-null defined field of the right JSON shape. */
    private static void validateShape(ObjectKind kind, ObjectNode data) {
        for (Field field : kind.fields()) {
            JsonNode value = data.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    throw ApiException.badRequest("Object validate: missing '" + field.name() + "'");
                }
                data.remove(field.name());
                continue;
            }
            boolean fits = switch (field.shape()) {
                case OBJECT -> value.isObject();
                case ARRAY -> value.isArray();
                case ANY -> true;
            };
            if (!fits) {
                throw ApiException.badRequest(
                        "Object load: `" + field.name() + "` is not type=" + field.shape().pythonName());
            }
        }
    }

    private static void checkConfigType(ObjectNode data) {
        String type = data.get("type").asText();
        if (!data.get("type").isTextual() || !(type.equals("parameter") || type.equals("file"))) {
            throw ApiException.badRequest("Invalid type=" + type + " not one of: parameter or file");
        }
    }

    private static void normalizePolicy(ObjectNode data) {
        compile(data.get("policy"), "Cannot prepare policy: ");
        String result = data.path("result").asText("pass").toLowerCase(Locale.ROOT);
        if (!result.equals("pass") && !result.equals("fail")) {
            throw ApiException.badRequest("Result may be only pass or fail");
        }
        data.put("result", result);
        JsonNode order = data.get("order");
        if (order == null) {
            data.put("order", 1000);
        } else if (!order.canConvertToExactIntegral() && !order.asText().matches("-?[0-9]+")) {
            throw ApiException.badRequest("order must be an integer");
        } else {
            data.put("order", order.asLong());
        }
    }

    private static void normalizeScope(ObjectNode data) {
        compile(data.get("matches"), "Cannot prepare match expression: ");
        String type = data.get("type").asText().toLowerCase(Locale.ROOT);
        if (!type.equals("global") && !type.equals("targeted")) {
            throw ApiException.badRequest("Policy Match Type is not one of: global, targeted");
        }
        data.put("type", type);
        Set<String> actions = new LinkedHashSet<>();
        for (String action : data.get("actions").asText().split(",")) {
            String a = action.strip().toLowerCase(Locale.ROOT);
            if (!a.equals("read") && !a.equals("write") && !a.equals("admin")) {
                throw ApiException.badRequest("Invalid action type: " + action.strip());
            }
            actions.add(a);
        }
        data.put("actions", actions.contains("admin") ? "admin" : String.join(",", actions));
        ArrayNode tables = JSON.arrayNode();
        JsonNode objects = data.path("objects");
        for (JsonNode object : objects) {
            String name = object.asText();
            if (name.equals("*")) {
                tables.removeAll().add("*");
                break;
            }
            if (name.equalsIgnoreCase(PolicyEngine.AUDIT_TABLE)) {
                tables.add(PolicyEngine.AUDIT_TABLE);
                continue;
            }
            tables.add(ObjectKind.ofAnyName(name).map(ObjectKind::table).orElseThrow(() -> ApiException.badRequest(
                    "Object '" + name + "' is not valid.  Must be one of: " + tableNames())));
        }
        if (data.has("objects")) {
            data.set("objects", tables);
        }
    }

    private static void normalizeGroup(ObjectNode data, WriteTransaction tx, List<String> warnings) {
        String type = data.get("type").asText();
        JsonNode members = data.get("group");
        ArrayNode group = JSON.arrayNode();
        ArrayNode grp = JSON.arrayNode();
        switch (type.toLowerCase(Locale.ROOT)) {
            case "set" -> {
                data.put("type", "set");
                members.forEach(m -> text(m).map(s -> s.toLowerCase(Locale.ROOT)).ifPresent(s -> {
                    if (!contains(group, s)) {
                        group.add(s);
                        grp.add(s);
                    }
                }));
            }
            case "password" -> {
                data.put("type", "password");
                for (JsonNode m : members) {
                    String[] parts = m.asText().split(":", -1);
                    if (!m.isTextual() || parts.length != 2) {
                        throw ApiException.badRequest("password group items should be a list of name:passwords");
                    }
                    String hash = parts[1].startsWith("$7$") ? parts[1] : PasswordHash.hash(parts[1]);
                    group.add(parts[0].toLowerCase(Locale.ROOT) + ":" + hash);
                    grp.add(hash);
                }
            }
            default -> {
                ObjectKind kind = ObjectKind.ofAnyName(type)
                        .orElseThrow(() -> ApiException.badRequest("Invalid type=" + type + " not one of: " + GROUP_TYPES));
                data.put("type", kind.table().equals("Grp") ? "Group" : kind.table());
                for (JsonNode m : members) {
                    group.add(reference(kind.table(), m, tx, warnings));
                    grp.add(nameOf(m));
                }
            }
        }
        data.set("group", group);
        data.set("_grp", grp);
    }

    private static String reference(String table, JsonNode value, WriteTransaction tx, List<String> warnings) {
        String text = value.asText();
        Target target;
        try {
            target = Target.parse(text);
        } catch (Target.InvalidTargetException e) {
            throw ApiException.badRequest("Invalid reference '" + text + "' to " + table);
        }
        Optional<StoredObject> found = target.resolve(id -> tx.byId(table, id), name -> tx.byName(table, name));
        if (found.isPresent()) {
            return found.get().name() + "." + found.get().id();
        }
        String name = nameOf(value);
        warnings.add(table + ":" + name + " not found");
        return name + ".notfound";
    }

    private static String nameOf(JsonNode value) {
        String text = value.asText();
        int dot = text.indexOf('.');
        return dot < 0 ? text : text.substring(0, dot);
    }

    private static void compile(JsonNode expression, String prefix) {
        if (!expression.isTextual()) {
            throw ApiException.badRequest(prefix + "expression must be a string");
        }
        try {
            PolicyExpression.compile(expression.asText());
        } catch (ExpressionSyntaxException e) {
            throw ApiException.badRequest(prefix + e.getMessage());
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static boolean contains(ArrayNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String tableNames() {
        return Arrays.stream(ObjectKind.values()).map(ObjectKind::table).collect(Collectors.joining(", "));
    }
}
