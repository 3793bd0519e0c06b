package io.reflex.client.config;

import java.util.List;

/**
 * A {@code %{NAME}} that matched nothing and was replaced by an empty string.
 *
 * <p>The original only logged this; callers get it as data so they can show it or refuse to launch.
 *
 * @param config the config object whose value referenced it (without its {@code .id} suffix)
 * @param field  where the expansion started, e.g. {@code setenv.DB}, {@code sensitive.parameters.A}
 *               or {@code content.source=local.xml.in}
 * @param path   the chain of references followed, ending with the missing name
 */
public record MissingVariable(String config, String field, List<String> path) {

    public MissingVariable {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path must name the missing variable");
        }
    }

    public String variable() {
        return path.getLast();
    }

    /** The original's log line, kept because deployed tooling greps for it. */
    public String logLine() {
        return "Unable to find expansion match for key '" + variable() + "'";
    }

    @Override
    public String toString() {
        return config + " " + field + ": " + String.join(" -> ", path);
    }
}
