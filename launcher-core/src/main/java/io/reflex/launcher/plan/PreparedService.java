package io.reflex.launcher.plan;

import io.reflex.client.ReflexObject;
import io.reflex.client.config.LaunchPlan;
import io.reflex.client.discovery.ResolvedLink;

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
 * @param environment the launcher's environment after preparation (APP_* and the links' variables set), before the
 *                    config's setenv
 * @param links       what the service's {@code links} resolved to; empty for a service without links
 */
public record PreparedService(LaunchTarget target, ReflexObject service, ReflexObject pipeline, PipelineLaunch launch,
                              Path rundir, Path cfgdir, List<String> argv, LaunchPlan plan,
                              Map<String, String> environment, List<ResolvedLink> links) {

    public PreparedService {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        links = List.copyOf(links);
    }

    public String serviceName() {
        return service.name();
    }

    /** Action mode: the explicit {@code :action}, or an action-type pipeline. */
    public boolean actionMode() {
        return target.action().isPresent() || "action".equals(launch.type());
    }
}
