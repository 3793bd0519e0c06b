package io.reflex.launcher.cli;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.config.LaunchOutput;
import io.reflex.client.config.LaunchPlan;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.actions.ActionRunner;
import io.reflex.launcher.actions.ActionsFile;
import io.reflex.launcher.files.ConfigFileWriter;
import io.reflex.launcher.instance.Heartbeat;
import io.reflex.launcher.instance.InstanceRegistration;
import io.reflex.launcher.instance.LifecycleState;
import io.reflex.launcher.lifecycle.Component;
import io.reflex.launcher.lifecycle.Controller;
import io.reflex.launcher.lifecycle.HeartbeatComponent;
import io.reflex.launcher.lifecycle.Pause;
import io.reflex.launcher.lifecycle.ProcessComponent;
import io.reflex.launcher.nativeos.ChildProcesses;
import io.reflex.launcher.plan.LinkResolution;
import io.reflex.launcher.plan.PreparedService;
import io.reflex.launcher.plan.ServicePreparer;
import io.reflex.launcher.process.SignalForwarder;
import io.reflex.launcher.redeploy.RedeploySettings;
import io.reflex.launcher.watch.ConfigWatcher;
import io.reflex.launcher.watch.LinkWatcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * {@code --mode supervise}: the launcher stays as the app's parent, tini style. One straight sequence: become a
 * subreaper, run pre-init actions, build every component (so a bad sidecar definition fails before anything
 * runs), start heartbeat, sidecars and app in order (each waiting for its readiness), forward signals, then wait;
 * on the first component to end or fail, stop all in reverse order.
 */
final class SupervisedLaunch {

    private static final Duration DEBOUNCE = Duration.ofMillis(500);

    private SupervisedLaunch() {
    }

    static int run(LaunchContext context, ReflexClient client, PreparedService prepared,
                   ServiceCommand.AppLaunch app, InstanceRegistration registration) {
        Arguments arguments = context.arguments();
        LifecycleSpec spec = new LifecycleSpec(prepared.launch(), app, arguments, context.clock(), Pause.REAL);
        Optional<RedeploySettings> proxy = ProxySpec.of(prepared.launch(), arguments);
        int publicPort = proxy.map(settings -> settings.listen().getPort()).orElse(spec.port());
        Heartbeat heartbeat = Heartbeat.start(registration, publicPort, spec.heartbeatInterval());
        try (ChildProcesses processes = ChildProcesses.start(pid -> context.log().debug("Reaped orphan pid " + pid))) {
            runInitActions(context, prepared, app, processes, spec);
            Controller controller = new Controller(context.log(), Pause.REAL);
            List<ProcessComponent> sidecars = spec.sidecars().stream()
                    .map(sidecar -> spec.sidecar(sidecar, processes, context.log())).toList();
            Optional<ColorsLaunch> colors = proxy.map(settings -> ColorsLaunch.create(context, client, prepared, spec,
                    settings, processes, heartbeat));
            Component appComponent;
            IntConsumer appSignal;
            if (colors.isPresent()) {
                appComponent = colors.get().redeployer();
                appSignal = colors.get().redeployer()::signal;
            } else {
                ProcessComponent single = spec.app(processes, context.log());
                appComponent = single;
                appSignal = single::signal;
            }
            IntConsumer onSignal = signal -> {
                appSignal.accept(signal);
                if (SignalForwarder.STOPPING.contains(name(signal))) {
                    heartbeat.update(LifecycleState.DRAINING);
                    controller.requestStop(Optional.empty());
                }
            };
            SignalForwarder.install(onSignal);
            if (arguments.exitWithParent()) {
                stopWhenParentEnds(context, onSignal);
            }
            boolean launched = controller.launch(new HeartbeatComponent(heartbeat, controller::failure), false);
            for (ProcessComponent sidecar : sidecars) {
                launched = launched && controller.launch(sidecar, false);
            }
            AutoCloseable linkWatcher = arguments.watchLinks()
                    ? watchLinks(context, client, prepared, appSignal) : () -> { };
            launched = launched && controller.launch(appComponent, true);
            boolean ready = launched;
            if (ready) {
                heartbeat.update(LifecycleState.READY);
            }
            try (linkWatcher; AutoCloseable watcher = arguments.watch() && ready
                    ? watch(context, client, prepared, appSignal) : () -> { };
                 AutoCloseable triggers = colors.filter(c -> ready).map(c -> c.triggers(registration))
                         .orElse(() -> { })) {
                int code = controller.await();
                return remap(code, spec);
            } catch (LaunchException e) {
                throw e;
            } catch (Exception e) {
                throw new LaunchException(ExitReason.FAILED, e.getMessage(), e);
            }
        } catch (LaunchException e) {
            heartbeat.update(LifecycleState.FAILED);
            heartbeat.close();
            throw e;
        }
    }

    /**
     * {@code --exit-with-parent}: a parent that is killed outright (SIGKILL, a crash) cannot stop its launcher, so
     * the launcher watches it and stops as on SIGTERM once it is gone. The JDK polls a process that is not its own
     * child, every 0.3 s at first and at most every 5 s later on.
     */
    private static void stopWhenParentEnds(LaunchContext context, IntConsumer onSignal) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            context.log().info("Launch parent process " + parent.pid() + " ended; stopping");
            onSignal.accept(SignalForwarder.number("TERM"));
        }));
    }

    static void runInitActions(LaunchContext context, PreparedService prepared, ServiceCommand.AppLaunch app,
                                       ChildProcesses processes, LifecycleSpec spec) {
        if (spec.initActions().isEmpty()) {
            return;
        }
        ActionsFile file = ActionsFile.require(app.environment(), app.rundir());
        byte[] payload = LaunchOutput.stdinPayload(prepared.pipeline().json(), prepared.service().json(),
                prepared.plan()).reveal().getBytes(StandardCharsets.UTF_8);
        ActionRunner runner = new ActionRunner(file, processes, app.environment(), Optional.of(payload), context.log());
        for (String action : spec.initActions()) {
            runner.run(action, List.of());
        }
    }

    private static AutoCloseable watch(LaunchContext context, ReflexClient client, PreparedService prepared,
                                       IntConsumer appSignal) {
        ServicePreparer preparer = context.preparer(client);
        String reload = context.arguments().reloadSignal();
        return ConfigWatcher.start(client, prepared.plan(),
                () -> preparer.prepare(prepared.target(), context.environment(), context::localDirs, true)
                        .plan(),
                (LaunchPlan next) -> {
                    ConfigFileWriter.writeAll(next.files());
                    context.log().info("Config changed: rewrote " + next.files().size() + " file(s)");
                    if (!reload.equals("NONE")) {
                        appSignal.accept(SignalForwarder.number(reload));
                        context.log().info("Sent SIG" + reload + " to the app");
                    }
                }, DEBOUNCE, context.log());
    }

    /** Writes the links file before the app starts (so it can read it), then keeps it current. */
    private static AutoCloseable watchLinks(LaunchContext context, ReflexClient client, PreparedService prepared,
                                            IntConsumer appSignal) {
        Path file = context.arguments().linksFile().orElse(prepared.cfgdir().resolve("links.json"));
        String signal = context.arguments().linksSignal();
        return LinkWatcher.start(client, file, prepared.links(),
                () -> LinkResolution.resolve(client, client.get(ObjectType.SERVICE, prepared.serviceName())),
                () -> {
                    if (!signal.equals("NONE")) {
                        appSignal.accept(SignalForwarder.number(signal));
                        context.log().info("Sent SIG" + signal + " to the app");
                    }
                }, DEBOUNCE, context.log());
    }

    private static int remap(int code, LifecycleSpec spec) {
        return spec.cleanStopCodes().contains(code) ? 0 : code;
    }

    private static String name(int signal) {
        return SignalForwarder.FORWARDED.entrySet().stream().filter(e -> e.getValue() == signal)
                .map(Map.Entry::getKey).findFirst().orElse("");
    }
}
