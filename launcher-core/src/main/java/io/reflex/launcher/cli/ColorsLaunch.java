package io.reflex.launcher.cli;

import io.reflex.client.ReflexClient;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.instance.Heartbeat;
import io.reflex.launcher.instance.InstanceRegistration;
import io.reflex.launcher.lifecycle.Pause;
import io.reflex.launcher.nativeos.ChildProcesses;
import io.reflex.launcher.plan.PreparedService;
import io.reflex.launcher.proxy.ProxyServer;
import io.reflex.launcher.proxy.ProxySettings;
import io.reflex.launcher.redeploy.ColorPlan;
import io.reflex.launcher.redeploy.ControlEndpoint;
import io.reflex.launcher.redeploy.ControlSocket;
import io.reflex.launcher.redeploy.EngineTrigger;
import io.reflex.launcher.redeploy.RedeploySettings;
import io.reflex.launcher.redeploy.RedeployTarget;
import io.reflex.launcher.redeploy.Redeployer;
import io.reflex.launcher.redeploy.RunDirectory;
import io.reflex.launcher.process.ChildEnvironment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Supervise mode with the redeploy proxy: the app runs as colors behind the proxy ({@link Redeployer}), and a
 * redeploy can be asked for on the engine, on the control socket and, with {@code --control}, over HTTP.
 */
final class ColorsLaunch {

    private static final Duration POLL = Duration.ofSeconds(5);

    private final LaunchContext context;
    private final ReflexClient client;
    private final PreparedService prepared;
    private final Redeployer redeployer;
    private final Optional<String> controlToken;

    private ColorsLaunch(LaunchContext context, ReflexClient client, PreparedService prepared, Redeployer redeployer,
                         Optional<String> controlToken) {
        this.context = context;
        this.client = client;
        this.prepared = prepared;
        this.redeployer = redeployer;
        this.controlToken = controlToken;
    }

    /**
     * Opens the proxy's public port and builds color 1 from the launch already prepared; checks {@code --control}'s
     * token first, so a missing one stops the launch before anything runs.
     */
    static ColorsLaunch create(LaunchContext context, ReflexClient client, PreparedService prepared,
                               LifecycleSpec spec, RedeploySettings settings, ChildProcesses processes,
                               Heartbeat heartbeat) {
        Optional<String> token = Optional.empty();
        if (context.arguments().redeploy().control().isPresent()) {
            token = context.secrets().read(ChildEnvironment.CONTROL_TOKEN)
                    .or(() -> Optional.ofNullable(context.environment().get(ChildEnvironment.CONTROL_TOKEN)))
                    .filter(value -> !value.isBlank());
            if (token.isEmpty()) {
                throw new LaunchException(ExitReason.USAGE, "--control needs REFLEX_CONTROL_TOKEN (a file in "
                        + context.secrets().directory() + " or the environment): the endpoint never runs without one");
            }
        }
        ColorPlan first = spec.color(Optional.empty());
        ProxyServer proxy;
        try {
            proxy = ProxyServer.start(ProxySettings.defaults(settings.listen()), context.log());
        } catch (RuntimeException e) {
            throw new LaunchException(ExitReason.FAILED, "Cannot open the redeploy proxy on " + settings.listen()
                    + ": " + e.getMessage(), e);
        }
        Redeployer redeployer = new Redeployer(proxy, first,
                target -> next(context, client, prepared, processes, target), processes, settings,
                heartbeat::colors, context.log());
        return new ColorsLaunch(context, client, prepared, redeployer, token);
    }

    Redeployer redeployer() {
        return redeployer;
    }

    /** Starts the redeploy triggers once color 1 serves; closing the result stops them. */
    AutoCloseable triggers(InstanceRegistration registration) {
        List<AutoCloseable> open = new ArrayList<>();
        try {
            ControlSocket.start(RunDirectory.socketFor(prepared.serviceName(), context.environment()),
                    redeployer::request, context.log()).ifPresent(open::add);
        } catch (IllegalStateException e) {
            context.log().info("Running without a control socket: " + e.getMessage());
        }
        open.add(EngineTrigger.start(client, prepared.service().json(), registration.instanceName(), redeployer, POLL,
                context.log()));
        Optional<String> control = context.arguments().redeploy().control();
        if (control.isPresent()) {
            try {
                open.add(ControlEndpoint.start(ProxySpec.address("--control", control.get()), controlToken.orElseThrow(),
                        redeployer::request, context.log()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException(ExitReason.FAILED, "Interrupted while opening the control endpoint", e);
            } catch (RuntimeException e) {
                closeAll(open);
                throw new LaunchException(ExitReason.USAGE, "Cannot open the control endpoint on " + control.get()
                        + ": " + e.getMessage(), e);
            }
        }
        return () -> closeAll(open);
    }

    private void closeAll(List<AutoCloseable> open) {
        for (AutoCloseable closeable : open.reversed()) {
            try {
                closeable.close();
            } catch (Exception e) {
                context.log().info("While closing a redeploy trigger: " + e.getMessage());
            }
        }
    }

    /** Step 1 of a redeploy: the ordinary start sequence again, with the request's target. */
    private static ColorPlan next(LaunchContext context, ReflexClient client, PreparedService prepared,
                                  ChildProcesses processes, RedeployTarget target) {
        PreparedService next = context.preparer(client).prepare(prepared.target(), context.environment(),
                context::localDirs, true, target.config());
        ServiceCommand.AppLaunch app = ServiceCommand.check(context, next);
        ServiceCommand.deliver(context, next);
        LifecycleSpec spec = new LifecycleSpec(next.launch(), app, context.arguments(), context.clock(), Pause.REAL);
        SupervisedLaunch.runInitActions(context, next, app, processes, spec);
        return spec.color(target.build());
    }
}
