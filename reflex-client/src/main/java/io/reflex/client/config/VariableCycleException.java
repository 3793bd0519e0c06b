package io.reflex.client.config;

import java.util.List;

/**
 * {@code %{...}} references that never resolve: the original looped forever on these.
 *
 * <p>Reported with the reference chain ({@code a -> b -> c -> b}) so the user can find the loop.
 */
public class VariableCycleException extends ConfigException {

    private final String config;
    private final String field;
    private final List<String> path;

    VariableCycleException(String config, String field, List<String> path) {
        super("Variable cycle in " + config + " " + field + ": " + String.join(" -> ", path));
        this.config = config;
        this.field = field;
        this.path = List.copyOf(path);
    }

    public String config() {
        return config;
    }

    public String field() {
        return field;
    }

    /** The references followed, ending with the name that closes the loop. */
    public List<String> path() {
        return path;
    }
}
