package io.reflex.launcher.actions;

import io.reflex.launcher.plan.Substitution;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code setenv} rule of 7.2: keys in sorted order, each value's {@code ${NAME}} replaced by the action
 * environment (including keys set earlier in the same pass), else the dictionary, else empty; one pass. Non-string
 * values are stringified where the original crashed.
 */
final class ActionEnvironment {

    private ActionEnvironment() {
    }

    /**
     * @param env        the action environment, updated in place
     * @param setenv     the setenv object to apply
     * @param dictionary the lookup table besides the environment ({@code config}, winning over setenv on equal keys)
     */
    static void apply(Map<String, String> env, JsonNode setenv, Map<String, String> dictionary) {
        List<String> keys = new ArrayList<>();
        setenv.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        for (String key : keys) {
            String value = text(setenv.get(key));
            env.put(key, Substitution.apply(value, name -> env.containsKey(name) ? env.get(name)
                    : name.equals(key) ? "" : dictionary.getOrDefault(name, "")));
        }
    }

    /** {@code config} ∪ {@code setenv}, config winning. */
    static Map<String, String> dictionary(JsonNode config, JsonNode setenv) {
        Map<String, String> dictionary = new LinkedHashMap<>();
        setenv.properties().forEach(e -> dictionary.put(e.getKey(), text(e.getValue())));
        config.properties().forEach(e -> dictionary.put(e.getKey(), text(e.getValue())));
        return dictionary;
    }

    static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }
}
