package io.reflex.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.config.ConfigNotFoundException;
import io.reflex.client.config.ConfigSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-memory config hierarchy for the flatten benchmark: {@value #CONFIGS} configs, {@value #VARIABLES_PER_CONFIG}
 * variables ({@code sensitive.parameters}) each, so {@value #CONFIGS} × {@value #VARIABLES_PER_CONFIG} = 500 distinct
 * variables after flattening.
 *
 * <p>Shape: {@code bench-00} is the top; {@code bench-i} extends {@code bench-(2i+1)} and {@code bench-(2i+2)} (a
 * binary tree, six levels deep), and every tenth config also imports a leaf. Within a config, variable {@code j}
 * refers to variable {@code j-1} ({@code %{...}} chains nine deep) and variable 5 refers to the parent's first
 * variable, so expansion crosses configs. Each config also sets {@value #SETENV_PER_CONFIG} {@code setenv} keys
 * built from its variables.
 */
public final class ConfigHierarchy implements ConfigSource {

    public static final int CONFIGS = 50;
    public static final int VARIABLES_PER_CONFIG = 10;
    public static final int SETENV_PER_CONFIG = 4;
    public static final String TOP = name(0);

    private final Map<String, ObjectNode> configs = new LinkedHashMap<>();

    private ConfigHierarchy() {
    }

    public static ConfigHierarchy build(ObjectMapper mapper) {
        ConfigHierarchy hierarchy = new ConfigHierarchy();
        for (int i = 0; i < CONFIGS; i++) {
            hierarchy.configs.put(name(i), config(mapper, i));
        }
        return hierarchy;
    }

    /** The config objects by name, as an engine would return them. */
    public Map<String, ObjectNode> configs() {
        return configs;
    }

    @Override
    public ObjectNode fetch(String ref) {
        ObjectNode config = configs.get(ref);
        if (config == null) {
            throw new ConfigNotFoundException(ref);
        }
        return config;
    }

    static String name(int i) {
        return "bench-%02d".formatted(i);
    }

    private static String variable(int config, int j) {
        return "V_%02d_%d".formatted(config, j);
    }

    private static ObjectNode config(ObjectMapper mapper, int i) {
        ObjectNode config = mapper.createObjectNode();
        config.put("name", name(i));
        config.put("id", i + 1);
        config.put("type", "parameter");
        ArrayNode extendsList = config.putArray("extends");
        for (int child : new int[] {2 * i + 1, 2 * i + 2}) {
            if (child < CONFIGS) {
                extendsList.add(name(child));
            }
        }
        if (i % 10 == 0) {
            config.putArray("imports").add(name(CONFIGS - 1 - i / 10));
        }
        ObjectNode parameters = config.putObject("sensitive").putObject("parameters");
        int parent = i == 0 ? 0 : (i - 1) / 2;
        for (int j = 0; j < VARIABLES_PER_CONFIG; j++) {
            String value;
            if (j == 0) {
                value = "value-" + i;
            } else if (j == 5) {
                value = "%{" + variable(parent, 0) + "}-" + j;
            } else {
                value = "%{" + variable(i, j - 1) + "}/" + j;
            }
            parameters.put(variable(i, j), value);
        }
        ObjectNode setenv = config.putObject("setenv");
        for (int k = 0; k < SETENV_PER_CONFIG; k++) {
            setenv.put("E_%02d_%d".formatted(i, k), "%{" + variable(i, 2 * k + 1) + "}");
        }
        return config;
    }
}
