package io.reflex.launcher.cli;

import io.reflex.client.ReflexClient;
import io.reflex.client.config.LaunchOutput;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.actions.ActionRunner;
import io.reflex.launcher.actions.ActionsFile;
import io.reflex.launcher.files.ConfigFileWriter;
import io.reflex.launcher.instance.HostIdentity;
import io.reflex.launcher.instance.InstanceRegistration;
import io.reflex.launcher.instance.LifecycleState;
import io.reflex.launcher.nativeos.ChildProcesses;
import io.reflex.launcher.plan.PreparedService;
import io.reflex.launcher.process.ChildEnvironment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Action mode (6.5): {@code launch service svc:action}, or a pipeline of type {@code action}. The action runs as a
 * child with the config's environment and never with {@code REFLEX_APIKEY}, whichever way action mode was chosen.
 */
final class ActionLaunch {

    private ActionLaunch() {
    }

    static int run(LaunchContext context, ReflexClient client, PreparedService prepared) {
        Path cwd = Path.of("").toAbsolutePath();
        ActionsFile file = context.actionsFile().or(() -> ActionsFile.find(prepared.environment(), cwd))
                .orElseGet(() -> ActionsFile.require(prepared.environment(), prepared.rundir()));
        String target = prepared.target().action().or(() -> prepared.launch().target())
                .orElseThrow(() -> new LaunchException(ExitReason.BAD_CONFIG,
                        "No launch service action target (svc:target)"));
        file.verify(target);
        if (!prepared.plan().files().isEmpty()) {
            ConfigFileWriter.requireWritable(prepared.cfgdir());
        }
        ServiceCommand.deliver(context, prepared);
        byte[] payload = LaunchOutput.stdinPayload(prepared.pipeline().json(), prepared.service().json(),
                prepared.plan()).reveal().getBytes(StandardCharsets.UTF_8);
        new InstanceRegistration(client, prepared.serviceName(), HostIdentity.current(), LaunchMain.version(),
                context.clock(), context.log()).ping(LifecycleState.STARTING, 0);
        try (ChildProcesses processes = ChildProcesses.start(pid -> context.log().debug("Reaped orphan " + pid))) {
            new ActionRunner(file, processes, ChildEnvironment.build(prepared.environment(), prepared.plan()),
                    Optional.of(payload), context.log()).run(target, context.arguments().appArguments());
        }
        return 0;
    }
}
