package io.reflex.gui.effective;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.config.ConfigSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which config each {@code setenv} name and secret parameter comes from. It replays the flattener's walk
 * (reference 5.3) for just these keys: along extends the first config seen wins, and an import overrides
 * everything gathered before it. Reading the walk again is simpler than asking the flattener to keep track.
 */
final class Provenance {
    private final ConfigSource source;
    private final Set<String> extended = new HashSet<>();
    private final Set<String> imported = new HashSet<>();
    private final List<String> imports = new ArrayList<>();
    private final Map<String, String> origin = new HashMap<>();

    private Provenance(ConfigSource source) {
        this.source = source;
    }

    /** Maps each key ({@code setenv} names, and {@code sensitive.parameters} names) to the config that set it. */
    static Map<String, String> of(ConfigSource source, String top) {
        Provenance walk = new Provenance(source);
        walk.walk(top);
        return walk.origin;
    }

    private void walk(String ref) {
        if (!extended.add(ref)) {
            return;
        }
        ObjectNode config = source.fetch(ref);
        for (String ref2 : names(config.path("imports"))) {
            if (!imports.contains(ref2)) {
                imports.add(ref2);
            }
        }
        for (String imp : List.copyOf(imports)) {
            if (imported.add(imp)) {
                keys(source.fetch(imp)).forEach(key -> origin.put(key, plain(imp)));
            }
        }
        keys(config).forEach(key -> origin.putIfAbsent(key, plain(ref)));
        names(config.path("extends")).forEach(this::walk);
    }

    private static List<String> keys(ObjectNode config) {
        List<String> keys = new ArrayList<>();
        config.path("setenv").fieldNames().forEachRemaining(keys::add);
        config.path("sensitive").path("parameters").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.asText()));
        return names;
    }

    /** {@code base.12} reads as {@code base}; ids mean nothing to a reader. */
    static String plain(String ref) {
        int dot = ref.indexOf('.');
        return dot < 0 ? ref : ref.substring(0, dot);
    }
}
