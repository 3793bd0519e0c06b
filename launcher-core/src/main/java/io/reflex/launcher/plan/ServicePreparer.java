package io.reflex.launcher.plan;

import io.reflex.client.NotFoundException;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.client.ServiceView;
import io.reflex.client.config.ConfigException;
import io.reflex.client.config.ConfigFlattener;
import io.reflex.client.config.FlattenedConfig;
import io.reflex.client.config.LaunchPlan;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Steps 1 to 3 of {@code launch service} (6.3, 6.4): read the service and its pipeline, work out directories and
 * the program, flatten the config. It reads only; writing files and starting anything come later, so every
 * error found here leaves the machine untouched.
 */
public final class ServicePreparer {

    private final ReflexClient client;
    private final EngineCalls calls;

    public ServicePreparer(ReflexClient client, EngineCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    /**
     * @param environment the launcher's environment, which {@code ${VAR}} and {@code %{VAR}} see first
     * @param localDirs   an actions file's {@code rundir}/{@code cfgdir}, which win in action mode (6.5); only
     *                    looked for in action mode
     * @param commit      also process exports and compute files ({@code launch service}, {@code config --commit})
     */
    public PreparedService prepare(LaunchTarget target, Map<String, String> environment,
                                   Supplier<LocalDirs> localDirs, boolean commit) {
        return prepare(target, environment, localDirs, commit, Optional.empty());
    }

    /** @param config a top config to flatten instead of the service's own (a redeploy's {@code target.config}) */
    public PreparedService prepare(LaunchTarget target, Map<String, String> environment,
                                   Supplier<LocalDirs> localDirs, boolean commit, Optional<String> config) {
        ReflexObject service = calls.call(() -> client.find(ObjectType.SERVICE, target.service()))
                .orElseThrow(() -> new LaunchException(ExitReason.UNKNOWN_SERVICE,
                        "Cannot find service: " + target.service()));
        String pipelineRef = ServiceView.of(service).pipeline().orElseThrow(() ->
                new LaunchException(ExitReason.BAD_CONFIG, "Service " + service.name() + " has no pipeline"));
        ReflexObject pipeline = calls.call(() -> client.find(ObjectType.PIPELINE, pipelineRef))
                .orElseThrow(() -> new LaunchException(ExitReason.BAD_CONFIG, "Cannot find pipeline: " + pipelineRef));
        PipelineLaunch launch = PipelineLaunch.of(pipeline.name(), pipeline.json());

        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("APP_PIPELINE", pipeline.name());
        env.put("APP_SERVICE", service.name());
        boolean actionMode = target.action().isPresent() || "action".equals(launch.type());
        LocalDirs local = actionMode ? localDirs.get() : LocalDirs.none();
        String rundir = Substitution.apply(local.rundir().or(launch::rundir).orElse("."), env);
        String cfgdir = Substitution.apply(local.cfgdir().or(launch::cfgdir).orElse("."), env);
        List<String> argv = actionMode ? List.of()
                : launch.exec().stream().map(part -> Substitution.apply(part, env)).toList();
        env.put("APP_RUN_BASE", rundir);
        env.put("APP_CFG_BASE", cfgdir);

        String configRef = config.or(() -> ServiceView.of(service).config()).orElseThrow(() ->
                new LaunchException(ExitReason.BAD_CONFIG, "Service " + service.name() + " has no config"));
        ConfigFlattener.Builder flattener = ConfigFlattener.builder(new EngineConfigSource(client))
                .environment(env).cfgdir(cfgdir);
        if (!actionMode) {
            flattener.peers(calls.call(() -> PeerDiscovery.find(client, service.name())));
        }
        LaunchPlan plan = flatten(flattener.build(), configRef, commit);
        return new PreparedService(target, service, pipeline, launch, Path.of(rundir), Path.of(cfgdir), argv, plan, env);
    }

    private LaunchPlan flatten(ConfigFlattener flattener, String configRef, boolean commit) {
        try {
            FlattenedConfig flat = calls.call(() -> flattener.flatten(configRef));
            return commit ? calls.call(() -> flattener.commit(flat)) : flattener.prepare(flat);
        } catch (ConfigException e) {
            throw new LaunchException(ExitReason.BAD_CONFIG, e.getMessage(), e);
        } catch (NotFoundException e) {
            throw new LaunchException(ExitReason.BAD_CONFIG, e.getMessage(), e);
        }
    }

    /**
     * Directories an actions file sets in its {@code config} object.
     *
     * @param rundir the actions file's {@code config.rundir}
     * @param cfgdir the actions file's {@code config.cfgdir}
     */
    public record LocalDirs(Optional<String> rundir, Optional<String> cfgdir) {

        public static LocalDirs none() {
            return new LocalDirs(Optional.empty(), Optional.empty());
        }
    }
}
