package io.reflex.client.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * A flattened and processed config (5.3 and 5.5), ready for {@link ConfigFlattener#prepare} or
 * {@link ConfigFlattener#commit}.
 *
 * <p>It also remembers which configs the walk visited: the commit step continues the same run,
 * and an export already reached through {@code extends} is not walked a second time.
 */
public final class FlattenedConfig {

    private final String name;
    private final ObjectNode conf;
    private final ObjectNode variables;
    private final Set<String> secretSetenv;
    private final Set<String> visitedExtends;
    private final Set<String> visitedImports;
    private final List<String> log;
    private final List<MissingVariable> warnings;

    FlattenedConfig(String name, FlattenRun.Processed processed, FlattenRun run) {
        this.name = name;
        this.conf = processed.conf().deepCopy();
        this.variables = processed.variables().deepCopy();
        this.secretSetenv = Set.copyOf(processed.secretSetenv());
        this.visitedExtends = Set.copyOf(run.visitedExtends());
        this.visitedImports = Set.copyOf(run.visitedImports());
        this.log = List.copyOf(run.log());
        this.warnings = List.copyOf(run.warnings());
    }

    /** The top reference that was flattened. */
    public String name() {
        return name;
    }

    /** A copy of the processed conf. It holds decrypted secrets: do not log it. */
    public ObjectNode conf() {
        return conf.deepCopy();
    }

    /** A copy of the expanded variable table ("expanded_vars"), used by {@code varsub}. */
    public ObjectNode variables() {
        return variables.deepCopy();
    }

    /** Log lines so far, in order ({@code Processing config object ...} and missing variables). */
    public List<String> log() {
        return log;
    }

    /** Variables that were referenced but defined nowhere; each became an empty string. */
    public List<MissingVariable> warnings() {
        return warnings;
    }

    Set<String> secretSetenv() {
        return secretSetenv;
    }

    Set<String> visitedExtends() {
        return visitedExtends;
    }

    Set<String> visitedImports() {
        return visitedImports;
    }

    ObjectNode variablesView() {
        return variables;
    }

    @Override
    public String toString() {
        return "FlattenedConfig[" + name + "]";
    }
}
