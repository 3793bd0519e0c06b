package io.reflex.client.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Flattens a config hierarchy and prepares a launch from it, as Launch Assist does (reference section 5).
 *
 * <p>Immutable and thread-safe; build one per launch. The process environment is never read
 * here: the caller passes the environment the launch runs in, so "environment first" lookups
 * are reproducible in tests.
 *
 * <pre>{@code
 * ConfigFlattener flattener = ConfigFlattener.builder(source)
 *         .environment(env).peers(peers).cfgdir("/app/bct/config").build();
 * FlattenedConfig flat = flattener.flatten("bct-tst.4");
 * LaunchPlan plan = flattener.commit(flat);      // launch service, launch config --commit
 * LaunchPlan dryRun = flattener.prepare(flat);   // launch env, launch config
 * }</pre>
 */
public final class ConfigFlattener {

    private final ConfigSource source;
    private final Map<String, String> environment;
    private final Optional<Peers> peers;
    private final Optional<String> cfgdir;
    private final ContentFiles files;

    private ConfigFlattener(Builder builder) {
        this.source = builder.source;
        this.environment = Map.copyOf(builder.environment);
        this.peers = builder.peers;
        this.cfgdir = builder.cfgdir;
        this.files = builder.files;
    }

    public static Builder builder(ConfigSource source) {
        return new Builder(source);
    }

    /**
     * Walks {@code topRef} with its imports and parents and expands its variables.
     *
     * @throws ConfigNotFoundException if any referenced config is missing
     * @throws VariableCycleException  if variables reference each other in a loop
     * @throws ConfigException         for any other config the original could not flatten
     */
    public FlattenedConfig flatten(String topRef) {
        FlattenRun run = FlattenRun.start(source, environment);
        ObjectNode conf = Conf.skeleton(topRef, peers);
        run.walk(conf, topRef, false, true);
        return new FlattenedConfig(topRef, run.process(conf), run);
    }

    /** Setenv preparation only, no exports and no files: {@code launch env} and {@code launch config}. */
    public LaunchPlan prepare(FlattenedConfig flattened) {
        return preparation(flattened).plan(false);
    }

    /** Setenv preparation, then every export and file: {@code launch service}. */
    public LaunchPlan commit(FlattenedConfig flattened) {
        return preparation(flattened).plan(true);
    }

    private LaunchPreparation preparation(FlattenedConfig flattened) {
        String dir = cfgdir.or(() -> Optional.ofNullable(environment.get("APP_CFG_BASE")))
                .filter(value -> !value.isEmpty())
                .orElseThrow(() -> new ConfigException("APP_CFG_BASE not defined"));
        return new LaunchPreparation(source, environment, files, flattened, dir);
    }

    public static final class Builder {
        private final ConfigSource source;
        private Map<String, String> environment = Map.of();
        private Optional<Peers> peers = Optional.empty();
        private Optional<String> cfgdir = Optional.empty();
        private ContentFiles files = ContentFiles.fileSystem();

        private Builder(ConfigSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /** The launch's environment; it wins over config variables in {@code %{NAME}} lookups. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Exec mode: adds {@code peers} and the six {@code LAUNCH_PEER*} variables. */
        public Builder peers(Peers peers) {
            this.peers = Optional.of(peers);
            return this;
        }

        /** Where files go; without it {@code APP_CFG_BASE} from the environment is used. */
        public Builder cfgdir(String cfgdir) {
            this.cfgdir = Optional.of(cfgdir);
            return this;
        }

        /** Reads {@code content.source} files; the local file system by default. */
        public Builder contentFiles(ContentFiles files) {
            this.files = Objects.requireNonNull(files, "files");
            return this;
        }

        public ConfigFlattener build() {
            return new ConfigFlattener(this);
        }
    }
}
