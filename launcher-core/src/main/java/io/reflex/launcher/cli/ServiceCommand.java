package io.reflex.launcher.cli;

import io.reflex.client.ReflexClient;
import io.reflex.client.config.LaunchOutput;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.files.ConfigFileWriter;
import io.reflex.launcher.instance.HostIdentity;
import io.reflex.launcher.instance.InstanceRegistration;
import io.reflex.launcher.instance.LifecycleState;
import io.reflex.launcher.nativeos.ProcessImage;
import io.reflex.launcher.plan.LinkResolution;
import io.reflex.launcher.plan.PreparedService;
import io.reflex.launcher.process.ChildEnvironment;
import io.reflex.launcher.process.ExecutableResolver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * {@code launch service}: prepare, check everything that can be checked, deliver the config, then hand over to
 * the app. The order matters: every "cannot start" error (rundir, program, cfgdir) is found before the first file
 * is written, so a refused launch never leaves a half-updated config behind.
 */
final class ServiceCommand {

    private ServiceCommand() {
    }

    static int run(LaunchContext context) {
        // linking the native call execve goes through generates code (20 to 40 ms of CPU), and Jackson's first use
        // sets up a lot; do both on the second core while the client starts and the engine answers
        if (context.arguments().mode() == Arguments.Mode.EXEC) {
            ProcessImage.prepareInBackground();
            JsonWarmUp.startInBackground();
        }
        ReflexClient client = context.client();
        PreparedService prepared = prepare(context, client);
        if (prepared.actionMode()) {
            return ActionLaunch.run(context, client, prepared);
        }
        AppLaunch app = check(context, prepared);
        if (context.arguments().mode() == Arguments.Mode.SUPERVISE) {
            ProxyRestart.ifPipelineAsks(context, prepared);
            deliver(context, prepared);
            logStart(context, app);
            return SupervisedLaunch.run(context, client, prepared, app,
                    registration(context, client, prepared.serviceName()));
        }
        // Nothing can stop the start any more but a failed write or execve: the instance ping travels while the
        // files are written, and execve waits for its answer, because it ends the JVM and its connections.
        CompletableFuture<InstanceRegistration> starting = CompletableFuture.supplyAsync(() -> {
            InstanceRegistration registration = registration(context, client, prepared.serviceName());
            registration.ping(LifecycleState.STARTING, 0);
            return registration;
        }, context.calls().executor());
        try {
            deliver(context, prepared);
            logStart(context, app);
            starting.join();
            exec(app);
        } catch (RuntimeException e) {
            starting.join().ping(LifecycleState.FAILED, 0);
            throw e;
        }
        throw new IllegalStateException("execve returned without an error");
    }

    /** This host's instance of {@code service}: {@code --instance NAME}, else {@code SERVICE-HOSTNAME}. */
    private static InstanceRegistration registration(LaunchContext context, ReflexClient client, String service) {
        HostIdentity host = HostIdentity.current();
        return new InstanceRegistration(client, service, host,
                context.arguments().redeploy().instance().orElse(host.instanceName(service)),
                LaunchMain.version(), context.clock(), context.log());
    }

    private static void logStart(LaunchContext context, AppLaunch app) {
        context.log().info("Launch working directory=" + app.rundir());
        context.log().info("Launch exec=" + pythonList(app.argv()));
        if (context.log().debugEnabled()) {
            app.environment().forEach((name, value) -> context.log().debug("Launch env " + name + "=" + value));
        }
    }

    private static void exec(AppLaunch app) {
        try {
            ProcessImage.replace(app.executable(), app.argv(), app.environment(), app.rundir(), app.stdin());
        } catch (IllegalStateException e) {
            throw new LaunchException(ExitReason.EXEC_NOT_FOUND, e.getMessage(), e);
        }
    }

    /**
     * Prepares the service. A link to a service that does not exist also marks this host's instance failed, so the
     * console shows why the service is not running instead of an instance that never appeared.
     */
    private static PreparedService prepare(LaunchContext context, ReflexClient client) {
        PreparedService prepared;
        try {
            prepared = context.preparer(client).prepare(context.target(), context.environment(), context::localDirs, true);
        } catch (LaunchException e) {
            if (LinkResolution.isLinkFailure(e)) {
                registration(context, client, context.target().service()).ping(LifecycleState.FAILED, 0);
            }
            throw e;
        }
        prepared.links().stream().filter(link -> link.instances().isEmpty())
                .forEach(link -> context.log().info(LinkResolution.unresolvedWarning(link)));
        return prepared;
    }

    /** Resolves the rundir, the program and the child environment, and checks the cfgdir, writing nothing. */
    static AppLaunch check(LaunchContext context, PreparedService prepared) {
        Path rundir = ExecutableResolver.requireRundir(prepared.rundir());
        Map<String, String> environment = ChildEnvironment.build(prepared.environment(), prepared.plan());
        List<String> argv = new ArrayList<>(prepared.argv());
        argv.addAll(context.arguments().appArguments());
        Path executable = ExecutableResolver.resolve(argv.getFirst(), rundir, environment);
        if (!prepared.plan().files().isEmpty()) {
            ConfigFileWriter.requireWritable(prepared.cfgdir());
        }
        Optional<byte[]> stdin = "stdin".equals(prepared.launch().field("config").asText())
                ? Optional.of(LaunchOutput.stdinPayload(prepared.pipeline().json(), prepared.service().json(),
                        prepared.plan()).reveal().getBytes(StandardCharsets.UTF_8))
                : Optional.empty();
        return new AppLaunch(executable, argv, environment, rundir, stdin);
    }

    /** Writes the config files, logging as the original did. */
    static void deliver(LaunchContext context, PreparedService prepared) {
        prepared.plan().log().forEach(context.log()::info);
        ConfigFileWriter.writeAll(prepared.plan().files());
    }

    private static String pythonList(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * The program to run, fully resolved.
     *
     * @param environment the child's complete environment
     * @param stdin       the {@code launch config} document when the pipeline sets {@code "config": "stdin"};
     *                    otherwise the app inherits the launcher's stdin
     */
    record AppLaunch(Path executable, List<String> argv, Map<String, String> environment, Path rundir,
                     Optional<byte[]> stdin) {
    }
}
