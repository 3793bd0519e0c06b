package io.reflex.launcher.cli;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.lifecycle.Pause;
import io.reflex.launcher.lifecycle.ProcessComponent;
import io.reflex.launcher.lifecycle.Probes;
import io.reflex.launcher.lifecycle.Readiness;
import io.reflex.launcher.log.LaunchLog;
import io.reflex.launcher.nativeos.ChildProcesses;
import io.reflex.launcher.nativeos.SpawnRequest;
import io.reflex.launcher.plan.PipelineLaunch;
import io.reflex.launcher.process.ExecutableResolver;
import io.reflex.launcher.redeploy.ColorPlan;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The supervise-mode settings of a pipeline's {@code launch} section (documented in docs/launch.md): readiness,
 * stop hooks, sidecars, pre-init actions, heartbeat. Read here, in one place, so the lifecycle classes take typed
 * values and never JSON.
 */
final class LifecycleSpec {

    private static final int SIGTERM = 15;

    private final PipelineLaunch launch;
    private final ServiceCommand.AppLaunch app;
    private final Arguments arguments;
    private final Clock clock;
    private final Pause pause;

    LifecycleSpec(PipelineLaunch launch, ServiceCommand.AppLaunch app, Arguments arguments, Clock clock, Pause pause) {
        this.launch = launch;
        this.app = app;
        this.arguments = arguments;
        this.clock = clock;
        this.pause = pause;
    }

    int port() {
        return launch.field("port").asInt(0);
    }

    Duration heartbeatInterval() {
        return duration(launch.field("heartbeat"), Duration.ofSeconds(15));
    }

    List<String> initActions() {
        return strings(launch.field("init"));
    }

    /** Exit codes that mean "stopped as asked" ({@code launch.cleanExit}, e.g. [143] for JVM apps). */
    Set<Integer> cleanStopCodes() {
        Set<Integer> codes = new HashSet<>();
        launch.field("cleanExit").forEach(code -> codes.add(code.asInt()));
        return codes;
    }

    List<JsonNode> sidecars() {
        List<JsonNode> sidecars = new ArrayList<>();
        launch.field("sidecars").forEach(sidecars::add);
        return sidecars;
    }

    ProcessComponent app(ChildProcesses processes, LaunchLog log) {
        return new ProcessComponent("app", appRequest(app.environment()), processes, hook(launch.field("stop")),
                readiness(launch.field("ready"), processes), settings(arguments.restartOnFailure()), log);
    }

    /** The app as one color behind the redeploy proxy; {@code build}, when given, reaches it as APP_BUILD. */
    ColorPlan color(Optional<String> build) {
        Map<String, String> environment = new LinkedHashMap<>(app.environment());
        build.ifPresent(version -> environment.put("APP_BUILD", version));
        return new ColorPlan(appRequest(environment), hook(launch.field("stop")), build.orElse(""));
    }

    private SpawnRequest appRequest(Map<String, String> environment) {
        return new SpawnRequest(app.executable(), app.argv(), environment, app.rundir(), app.stdin());
    }

    ProcessComponent sidecar(JsonNode sidecar, ChildProcesses processes, LaunchLog log) {
        String name = sidecar.path("name").asText("sidecar");
        List<String> argv = strings(sidecar.path("exec"));
        if (argv.isEmpty()) {
            throw new LaunchException(ExitReason.BAD_CONFIG, "Sidecar " + name + " has no exec");
        }
        SpawnRequest request = new SpawnRequest(ExecutableResolver.resolve(argv.getFirst(), app.rundir(), app.environment()),
                argv, app.environment(), app.rundir(), Optional.empty());
        return new ProcessComponent(name, request, processes, hook(sidecar.path("stop")),
                readiness(sidecar.path("ready"), processes), settings(false), log);
    }

    private ProcessComponent.Settings settings(boolean restart) {
        return new ProcessComponent.Settings(SIGTERM, arguments.splay(), arguments.grace(), restart, Duration.ofSeconds(1),
                Duration.ofSeconds(60), clock, pause);
    }

    private Optional<SpawnRequest> hook(JsonNode command) {
        List<String> argv = strings(command);
        if (argv.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SpawnRequest(ExecutableResolver.resolve(argv.getFirst(), app.rundir(), app.environment()),
                argv, app.environment(), app.rundir(), Optional.of(new byte[0])));
    }

    private Optional<Readiness> readiness(JsonNode ready, ChildProcesses processes) {
        if (!ready.isObject()) {
            return Optional.empty();
        }
        int attempts = ready.path("attempts").asInt(30);
        Duration backoff = duration(ready.path("backoff"), Duration.ofSeconds(1));
        Duration timeout = duration(ready.path("timeout"), Duration.ofSeconds(2));
        if (ready.path("http").isTextual()) {
            String url = ready.path("http").asText();
            return Optional.of(new Readiness(Probes.http(url), url, attempts, backoff, timeout));
        }
        if (!ready.path("tcp").isMissingNode()) {
            String text = ready.path("tcp").asText();
            int colon = text.lastIndexOf(':');
            String host = colon < 0 ? "127.0.0.1" : text.substring(0, colon);
            int port = Integer.parseInt(colon < 0 ? text : text.substring(colon + 1));
            return Optional.of(new Readiness(Probes.tcp(host, port), "tcp " + host + ":" + port, attempts, backoff, timeout));
        }
        List<String> command = strings(ready.path("command"));
        if (command.isEmpty()) {
            throw new LaunchException(ExitReason.BAD_CONFIG, "launch.ready needs http, tcp or command");
        }
        SpawnRequest request = new SpawnRequest(ExecutableResolver.resolve(command.getFirst(), app.rundir(),
                app.environment()), command, app.environment(), app.rundir(), Optional.of(new byte[0]));
        return Optional.of(new Readiness(Probes.command(processes, request), String.join(" ", command), attempts,
                backoff, timeout));
    }

    private static Duration duration(JsonNode value, Duration fallback) {
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        return Arguments.duration("launch setting", value.asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
