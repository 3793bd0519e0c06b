package io.reflex.launcher.plan;

import io.reflex.client.ReflexObject;
import io.reflex.client.config.LaunchPlan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A service ready to run: everything read from the engine and computed from it, nothing done yet.
 *
 * @param target      what was asked for
 * @param service     the service object
 * @param pipeline    its pipeline object
 * @param launch      the pipeline's launch section
 * @param rundir      the substituted working directory
 * @param cfgdir      the substituted config directory
 * @param argv        the substituted exec, for exec mode; empty in action mode
 * @param plan        variables and files from the flattened config
 * @param environment the launcher's environment after preparation (APP_* set), before the config's setenv
 */
public record PreparedService(LaunchTarget target, ReflexObject service, ReflexObject pipeline, PipelineLaunch launch,
                              Path rundir, Path cfgdir, List<String> argv, LaunchPlan plan,
                              Map<String, String> environment) {

    public PreparedService {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    public String serviceName() {
        return service.name();
    }

    /** Action mode: the explicit {@code :action}, or an action-type pipeline. */
    public boolean actionMode() {
        return target.action().isPresent() || "action".equals(launch.type());
    }
}
