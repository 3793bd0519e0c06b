package io.reflex.launcher.cli;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code --mode supervise}: the launcher stays as PID-1-style parent of a shell-script app. */
@Timeout(120)
class SuperviseModeTest {

    @TempDir
    static Path dir;
    static EngineFixture engine;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = EngineFixture.start(dir.resolve("engine"));
        engine.put(ObjectType.CONFIG, """
                {"name": "cfg", "type": "parameter", "exports": ["cfg-file"],
                 "sensitive": {"parameters": {"GREETING": "hello"}}, "setenv": {"GREETING": "%{GREETING}"}}""");
        engine.put(ObjectType.CONFIG, """
                {"name": "cfg-file", "type": "file",
                 "content": {"dest": "greeting.txt", "ref": "sensitive.parameters.GREETING"}}""");
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    /** A service whose pipeline runs {@code app.sh} in its own directory, with extra launch settings. */
    private static Path service(String name, String appBody, String launchExtras) throws Exception {
        Path rundir = Files.createDirectories(dir.resolve(name));
        Apps.script(rundir, "app.sh", appBody);
        engine.put(ObjectType.PIPELINE, """
                {"name": "%s-pipe", "launch": {"rundir": "%s", "cfgdir": "%s/cfg", "exec": ["./app.sh"]%s}}"""
                .formatted(name, rundir, rundir, launchExtras));
        engine.put(ObjectType.SERVICE, """
                {"name": "%s", "pipeline": "%s-pipe", "config": "cfg"}""".formatted(name, name));
        return rundir;
    }

    private static LaunchProcess supervise(String service, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("service", service, "--mode", "supervise", "--grace", "2s"));
        args.addAll(List.of(extra));
        return LaunchProcess.start(dir, engine.environment(), args);
    }

    private static void awaitFile(Path file) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file));
    }

    private static final String TRAPS = """
            for s in HUP USR1 USR2 INT WINCH; do trap "echo $s >> signals.txt" $s; done
            trap 'echo TERM >> signals.txt; exit 7' TERM
            echo $$ > app.pid
            while true; do sleep 0.05; done
            """;

    @Test
    void forwardsEachSignalAndReturnsTheAppsExitCode() throws Exception {
        Path rundir = service("signals", TRAPS, "");
        LaunchProcess launch = supervise("signals");
        awaitFile(rundir.resolve("app.pid"));
        int appPid = Integer.parseInt(Files.readString(rundir.resolve("app.pid")).strip());
        assertThat((long) appPid).isNotEqualTo(launch.pid());
        for (String signal : List.of("HUP", "USR1", "USR2", "WINCH")) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(launch.pid())).start().waitFor();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.exists(rundir.resolve("signals.txt"))
                            && Files.readAllLines(rundir.resolve("signals.txt")).contains(signal));
        }
        new ProcessBuilder("kill", "-TERM", Long.toString(launch.pid())).start().waitFor();
        assertThat(launch.waitFor()).as(launch.stderr()).isEqualTo(7);
        assertThat(Files.readAllLines(rundir.resolve("signals.txt"))).containsExactly("HUP", "USR1", "USR2", "WINCH", "TERM");
        assertThat(Path.of("/proc/" + appPid)).doesNotExist();
    }

    @Test
    void exitWithParentStopsTheAppWhenTheParentIsKilled() throws Exception {
        Path rundir = service("orphaned", TRAPS, "");
        List<String> launch = LaunchProcess.command(List.of("service", "orphaned", "--mode", "supervise",
                "--grace", "2s", "--exit-with-parent"));
        List<String> parentCommand = new ArrayList<>(List.of("sh", "-c",
                "\"$@\" > orphaned.out 2> orphaned.err & echo $! > launcher.pid; wait", "sh"));
        parentCommand.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(parentCommand).directory(rundir.toFile());
        builder.environment().clear();
        builder.environment().putAll(engine.environment());
        Process parent = builder.start();
        awaitFile(rundir.resolve("app.pid"));
        ProcessHandle launcher = ProcessHandle.of(Long.parseLong(
                Files.readString(rundir.resolve("launcher.pid")).strip())).orElseThrow();
        ProcessHandle app = ProcessHandle.of(Long.parseLong(
                Files.readString(rundir.resolve("app.pid")).strip())).orElseThrow();

        parent.destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(20)).until(() -> !launcher.isAlive() && !app.isAlive());
        assertThat(Files.readAllLines(rundir.resolve("signals.txt"))).containsExactly("TERM");
        assertThat(Files.readString(rundir.resolve("orphaned.err"))).contains("parent process", "ended; stopping");
    }

    @Test
    void aProxyTurnedOnByThePipelineAloneRestartsThroughTheStartScriptWithProxyAdded() throws Exception {
        Path rundir = service("proxied", "exit 0", ", \"proxy\": {\"listen\": \"127.0.0.1:1\"}");
        Path script = Apps.script(rundir, "start-script.sh", "echo \"$$ $*\" > " + rundir.resolve("restarted.txt"));
        LaunchProcess launch = LaunchProcess.start(dir, engine.environment(),
                List.of("-D" + ProxyRestart.SCRIPT_PROPERTY + "=" + script), List.of("service", "proxied",
                        "--mode", "supervise", "--", "app-arg"));

        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        assertThat(Files.readString(rundir.resolve("restarted.txt")).strip())
                .isEqualTo(launch.pid() + " --proxy service proxied --mode supervise -- app-arg");
        assertThat(rundir.resolve("cfg/greeting.txt")).doesNotExist();
    }

    @Test
    void anAppKilledBySignalGives128PlusTheSignal() throws Exception {
        service("killed", "kill -KILL $$", "");
        LaunchProcess launch = supervise("killed");
        assertThat(launch.waitFor()).as(launch.stderr()).isEqualTo(137);
    }

    @Test
    void theAppsExitCodePassesThroughAndFilesAndEnvAreDelivered() throws Exception {
        Path rundir = service("exits", """
                tr '\\0' '\\n' < /proc/$$/environ > environ.txt
                exit 42""", "");
        LaunchProcess launch = supervise("exits");
        assertThat(launch.waitFor()).as(launch.stderr()).isEqualTo(42);
        assertThat(Files.readString(rundir.resolve("cfg/greeting.txt"))).isEqualTo("hello");
        assertThat(Files.readAllLines(rundir.resolve("environ.txt"))).contains("GREETING=hello")
                .noneMatch(line -> line.startsWith("REFLEX_APIKEY="));
    }

    @RepeatedTest(2)
    void reapsAnOrphanedGrandchild() throws Exception {
        Path rundir = service("reaper", """
                sh -c 'sleep 0.5 & echo $! > grandchild.pid'
                while true; do sleep 0.05; done""", "");
        LaunchProcess launch = supervise("reaper");
        try {
            awaitFile(rundir.resolve("grandchild.pid"));
            Path proc = Path.of("/proc/" + Files.readString(rundir.resolve("grandchild.pid")).strip());
            await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(proc));
        } finally {
            new ProcessBuilder("kill", "-TERM", Long.toString(launch.pid())).start().waitFor();
            assertThat(launch.waitFor()).isEqualTo(143);
        }
    }

    @Test
    void readinessTimeoutStopsComponentsInReverseOrderRunningEveryStopHook() throws Exception {
        Path rundir = dir.resolve("ready");
        Files.createDirectories(rundir);
        Apps.script(rundir, "hook.sh", "echo \"$1\" >> hooks.txt");
        Apps.script(rundir, "sidecar.sh", "trap 'echo sidecar-term >> hooks.txt; exit 0' TERM\nwhile true; do sleep 0.05; done");
        service("ready", "trap 'echo app-term >> hooks.txt; exit 0' TERM\nwhile true; do sleep 0.05; done", """
                , "stop": ["./hook.sh", "app-hook"],
                  "ready": {"command": ["false"], "attempts": 3, "backoff": "100ms", "timeout": "1s"},
                  "sidecars": [{"name": "side", "exec": ["./sidecar.sh"], "stop": ["./hook.sh", "side-hook"],
                                "ready": {"tcp": "127.0.0.1:1", "attempts": 1, "timeout": "200ms"}}]""");
        LaunchProcess launch = supervise("ready");
        assertThat(launch.waitFor()).as(launch.stderr()).isEqualTo(9);
        assertThat(launch.stderr()).contains("Component side failed: not ready after 1 attempts");
        assertThat(Files.readAllLines(rundir.resolve("hooks.txt")))
                .containsExactly("side-hook", "sidecar-term");
    }

    @Test
    void appReadinessFailureStopsAppThenSidecar() throws Exception {
        Path rundir = dir.resolve("ready2");
        Files.createDirectories(rundir);
        Apps.script(rundir, "hook.sh", "echo \"$1\" >> hooks.txt");
        Apps.script(rundir, "sidecar.sh", "trap 'echo sidecar-term >> hooks.txt; exit 0' TERM\nwhile true; do sleep 0.05; done");
        service("ready2", "trap 'echo app-term >> hooks.txt; exit 0' TERM\nwhile true; do sleep 0.05; done", """
                , "stop": ["./hook.sh", "app-hook"],
                  "ready": {"command": ["false"], "attempts": 3, "backoff": "100ms", "timeout": "1s"},
                  "sidecars": [{"name": "side", "exec": ["./sidecar.sh"], "stop": ["./hook.sh", "side-hook"]}]""");
        LaunchProcess launch = supervise("ready2");
        assertThat(launch.waitFor()).as(launch.stderr()).isEqualTo(9);
        assertThat(launch.stderr()).contains("Component app failed: not ready after 3 attempts");
        assertThat(Files.readAllLines(rundir.resolve("hooks.txt")))
                .containsExactly("app-hook", "app-term", "side-hook", "sidecar-term");
    }

    @Test
    void registersTheInstanceWithItsLifecycleAndMarksItStopped() throws Exception {
        Path rundir = service("pinged", TRAPS, ", \"port\": 8080, \"heartbeat\": \"200ms\"");
        LaunchProcess launch = supervise("pinged");
        awaitFile(rundir.resolve("app.pid"));
        String instance = "pinged-" + Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        await().atMost(Duration.ofSeconds(20)).until(() -> lifecycleState(instance).equals("ready"));
        ReflexObject ready = engine.client().get(ObjectType.INSTANCE, instance);
        assertThat(ready.text("status")).contains("ok");
        assertThat(ready.field("address").orElseThrow().path("port").asInt()).isEqualTo(8080);
        assertThat(ready.field("lifecycle").orElseThrow().path("started").asText()).isNotEmpty();
        new ProcessBuilder("kill", "-TERM", Long.toString(launch.pid())).start().waitFor();
        assertThat(launch.waitFor()).isEqualTo(7);
        assertThat(lifecycleState(instance)).isEqualTo("stopped");
    }

    private static String lifecycleState(String instance) {
        return engine.client().find(ObjectType.INSTANCE, instance)
                .flatMap(i -> i.field("lifecycle")).map(l -> l.path("state").asText()).orElse("");
    }

    @Test
    void watchRewritesFilesAndSendsHupOnlyWhenTheRenderedConfigChanges() throws Exception {
        engine.put(ObjectType.CONFIG, """
                {"name": "watched-file", "type": "file",
                 "content": {"dest": "color.txt", "ref": "sensitive.parameters.COLOR"}}""");
        engine.put(ObjectType.CONFIG, """
                {"name": "watched", "type": "parameter", "exports": ["watched-file"],
                 "sensitive": {"parameters": {"COLOR": "blue"}}}""");
        Path rundir = service("watcher", TRAPS, "");
        engine.put(ObjectType.SERVICE, "{\"name\": \"watcher\", \"pipeline\": \"watcher-pipe\", \"config\": \"watched\"}");
        LaunchProcess launch = supervise("watcher", "--watch");
        try {
            awaitFile(rundir.resolve("app.pid"));
            assertThat(Files.readString(rundir.resolve("cfg/color.txt"))).isEqualTo("blue");

            engine.put(ObjectType.CONFIG, """
                    {"name": "watched", "type": "parameter", "exports": ["watched-file"], "title": "no-op",
                     "sensitive": {"parameters": {"COLOR": "blue"}}}""");
            Thread.sleep(4000);
            assertThat(rundir.resolve("signals.txt")).as(launch.stderr()).doesNotExist();

            engine.put(ObjectType.CONFIG, """
                    {"name": "watched", "type": "parameter", "exports": ["watched-file"],
                     "sensitive": {"parameters": {"COLOR": "green"}}}""");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(rundir.resolve("signals.txt")));
            assertThat(Files.readString(rundir.resolve("cfg/color.txt"))).isEqualTo("green");
            assertThat(Files.readAllLines(rundir.resolve("signals.txt"))).containsExactly("HUP");
        } finally {
            new ProcessBuilder("kill", "-TERM", Long.toString(launch.pid())).start().waitFor();
            launch.waitFor();
        }
    }

    @Test
    void restartOnFailureStartsTheAppAgainWithGrowingBackoff() throws Exception {
        Path rundir = service("restarts", """
                echo run >> runs.txt
                [ "$(wc -l < runs.txt)" -ge 3 ] && exit 0
                exit 5""", "");
        LaunchProcess launch = supervise("restarts", "--restart", "on-failure");
        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        assertThat(Files.readAllLines(rundir.resolve("runs.txt"))).hasSize(3);
        assertThat(launch.stderr()).contains("restarting in 1000 ms").contains("restarting in 2000 ms");
    }

    @Test
    void aFailedAppMarksTheInstanceFailed() throws Exception {
        service("fails", "exit 3", "");
        LaunchProcess launch = supervise("fails");
        assertThat(launch.waitFor()).isEqualTo(3);
        String instance = "fails-" + Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assertThat(lifecycleState(instance)).isEqualTo("failed");
        assertThat(engine.client().get(ObjectType.INSTANCE, instance).text("status")).contains("failed");
    }

    @Test
    void configStdinDeliversTheLaunchConfigDocumentToTheApp() throws Exception {
        Path rundir = service("stdin-app", "cat > stdin.json", ", \"config\": \"stdin\"");
        LaunchProcess launch = supervise("stdin-app");
        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        JsonNode document = EngineFixture.JSON.readTree(rundir.resolve("stdin.json").toFile());
        assertThat(document.path("sensitive").path("parameters").path("GREETING").asText()).isEqualTo("hello");
        assertThat(document.path("launch").path("config").asText()).isEqualTo("stdin");
    }
}
