package io.reflex.client.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * Everything a launch must do after flattening: variables to set and files to write.
 *
 * <p>The plan only lists what the config adds. The child's full environment (which variables are
 * inherited, removing {@code REFLEX_APIKEY}) and writing the files are the launcher's job.
 */
public final class LaunchPlan {

    private final String name;
    private final String cfgdir;
    private final ObjectNode conf;
    private final SequencedMap<String, EnvVar> setenv;
    private final SequencedMap<String, EnvVar> environment;
    private final List<ConfigFile> files;
    private final List<String> log;
    private final List<MissingVariable> warnings;

    LaunchPlan(String name, String cfgdir, ObjectNode conf, SequencedMap<String, EnvVar> setenv,
               SequencedMap<String, EnvVar> environment,
               List<ConfigFile> files, List<String> log, List<MissingVariable> warnings) {
        this.name = name;
        this.cfgdir = cfgdir;
        this.conf = conf.deepCopy();
        this.setenv = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(setenv));
        this.environment = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(environment));
        this.files = List.copyOf(files);
        this.log = List.copyOf(log);
        this.warnings = List.copyOf(warnings);
    }

    /** The top config reference. */
    public String name() {
        return name;
    }

    public String cfgdir() {
        return cfgdir;
    }

    /** A copy of the processed conf after setenv preparation; {@code launch config} prints it. */
    public ObjectNode conf() {
        return conf.deepCopy();
    }

    /** The top config's {@code setenv} after preparation, in config order: what {@code launch env} prints. */
    public SequencedMap<String, EnvVar> setenv() {
        return setenv;
    }

    /**
     * Every variable the launch sets, in the order first set: the top config's setenv, variables
     * only exported configs set, and the underscore alias ({@code MONGO_URI} for {@code MONGO-URI})
     * of each name with other characters, unless a config sets that name itself.
     */
    public SequencedMap<String, EnvVar> environment() {
        return environment;
    }

    /** Files to write, in the order the original wrote them. Empty unless committed. */
    public List<ConfigFile> files() {
        return files;
    }

    /** The log lines of the whole run, in order, as the original printed them. */
    public List<String> log() {
        return log;
    }

    /** Variables referenced but defined nowhere, flattening and file content together. */
    public List<MissingVariable> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "LaunchPlan[" + name + " into " + cfgdir + ", " + environment.size() + " variables, "
                + files.size() + " files, " + warnings.size() + " warnings]";
    }
}
