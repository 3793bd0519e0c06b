package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The working structure ("conf") of reference section 5.1 and the merge helpers of 5.2.
 *
 * <p>Key order is kept as the original's dicts kept it, because the variable table is expanded in
 * key order and that order decides which self-references blank out.
 */
final class Conf {

    static final String SENSITIVE = "sensitive";
    static final String SETENV = "setenv";
    static final String CONTENT = "content";
    static final String IMPORTS = "imports";
    static final String EXPORTS = "exports";
    static final String EXTENDS = "extends";
    static final String PROCVARS = "procvars";
    static final String FILE = "file";
    static final String TYPE = "type";
    static final String NAME = "name";
    static final String PEERS = "peers";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern ID_SUFFIX = Pattern.compile("\\.\\d+$");

    private Conf() {
    }

    /** The empty conf every config read starts from. */
    static ObjectNode skeleton(String ref, Optional<Peers> peers) {
        ObjectNode conf = JSON.objectNode();
        conf.put(NAME, ref);
        conf.putObject(SENSITIVE).putObject("parameters");
        conf.putArray(EXPORTS);
        conf.putArray(IMPORTS);
        conf.putArray(EXTENDS);
        ObjectNode setenv = conf.putObject(SETENV);
        conf.putObject(CONTENT);
        conf.putArray(PROCVARS);
        conf.put(FILE, "");
        conf.put(TYPE, "parameter");
        peers.ifPresent(p -> {
            conf.set(PEERS, p.toJson());
            p.environment().forEach(setenv::put);
        });
        return conf;
    }

    /**
     * A fetched config over its skeleton. Top-level nulls mean "absent" (3.1.4), so they do not
     * wipe skeleton defaults; the deprecated {@code export} and {@code macroExpansion} keys are
     * moved to their current names.
     */
    static ObjectNode load(String ref, ObjectNode fetched) {
        ObjectNode conf = skeleton(ref, Optional.empty());
        for (Map.Entry<String, JsonNode> field : fetched.properties()) {
            if (!field.getValue().isNull()) {
                mergeField(conf, field.getKey(), field.getValue().deepCopy());
            }
        }
        if (conf.has("export")) {
            conf.set(EXPORTS, conf.get("export"));
        }
        if (conf.has("macroExpansion") && conf.get(CONTENT).isObject()) {
            ((ObjectNode) conf.get(CONTENT)).set("varsub", conf.get("macroExpansion"));
        }
        return conf;
    }

    /** The recursive dict merge of 3.1.5, in place: {@code update} wins, objects merge key by key. */
    static void merge(ObjectNode target, ObjectNode update) {
        for (Map.Entry<String, JsonNode> field : update.properties()) {
            mergeField(target, field.getKey(), field.getValue());
        }
    }

    private static void mergeField(ObjectNode target, String key, JsonNode value) {
        JsonNode current = target.get(key);
        if (current instanceof ObjectNode currentObject && value instanceof ObjectNode valueObject) {
            merge(currentObject, valueObject);
        } else {
            target.set(key, value);
        }
    }

    /** {@code dmerge_outer}: the newer object's values win. */
    static void mergeNewWins(ObjectNode conf, ObjectNode update, String key) {
        JsonNode incoming = update.get(key);
        requireSameType(conf, update, key);
        if (truthy(incoming)) {
            merge((ObjectNode) conf.get(key), (ObjectNode) incoming.deepCopy());
        }
    }

    /**
     * {@code dmerge_inner}: what is already accumulated wins. The result lists the newer object's
     * keys first, as the original's dict did.
     */
    static void mergeAccumulatedWins(ObjectNode conf, ObjectNode update, String key) {
        JsonNode incoming = update.get(key);
        requireSameType(conf, update, key);
        if (truthy(incoming)) {
            conf.set(key, underlay((ObjectNode) conf.get(key), (ObjectNode) incoming));
        }
    }

    private static ObjectNode underlay(ObjectNode winner, ObjectNode base) {
        ObjectNode result = base.deepCopy();
        for (Map.Entry<String, JsonNode> field : winner.properties()) {
            JsonNode below = result.get(field.getKey());
            if (below instanceof ObjectNode belowObject && field.getValue() instanceof ObjectNode above) {
                result.set(field.getKey(), underlay(above, belowObject));
            } else {
                result.set(field.getKey(), field.getValue());
            }
        }
        return result;
    }

    /** {@code lmerge}: ordered set union, the newer object's items first. */
    static void unionNewFirst(ObjectNode conf, ObjectNode update, String key) {
        JsonNode incoming = update.get(key);
        requireSameType(conf, update, key);
        if (!truthy(incoming)) {
            return;
        }
        ArrayNode merged = JSON.arrayNode();
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode item : incoming) {
            merged.add(item.deepCopy());
            seen.add(item);
        }
        for (JsonNode item : conf.get(key)) {
            if (!seen.contains(item)) {
                merged.add(item);
            }
        }
        conf.set(key, merged);
    }

    static void requireSameType(ObjectNode conf, ObjectNode update, String key) {
        JsonNode current = conf.get(key);
        JsonNode incoming = update.get(key);
        if (current == null || incoming == null || current.getNodeType() != incoming.getNodeType()) {
            throw new ConfigException("Cannot merge " + update.path(NAME).asText() + ": key=" + key
                    + ", values are not the same!");
        }
    }

    /** Python truthiness, which the original uses for every "is it set" test. */
    static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isContainerNode()) {
            return !value.isEmpty();
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        return true;
    }

    /** Follows a dotted path through objects; a missing key or a non-object on the way means absent. */
    static Optional<JsonNode> dig(JsonNode root, String dottedPath) {
        return dig(root, List.of(dottedPath.split("\\.", -1)));
    }

    static Optional<JsonNode> dig(JsonNode root, List<String> keys) {
        JsonNode node = root;
        for (String key : keys) {
            if (!(node instanceof ObjectNode object) || !object.has(key)) {
                return Optional.empty();
            }
            node = object.get(key);
        }
        return Optional.of(node);
    }

    /** A snapshot of an object's keys, in order, safe to iterate while the object changes. */
    static List<String> keys(ObjectNode object) {
        List<String> keys = new ArrayList<>(object.size());
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static ObjectNode object(ObjectNode conf, String key) {
        return (ObjectNode) conf.get(key);
    }

    static String name(ObjectNode conf) {
        return conf.path(NAME).asText();
    }

    /** Log lines show {@code bct} for the stored reference {@code bct.3}. */
    static String displayName(String ref) {
        return ID_SUFFIX.matcher(ref).replaceFirst("");
    }
}
