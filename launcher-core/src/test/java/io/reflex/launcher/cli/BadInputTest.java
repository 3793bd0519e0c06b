package io.reflex.launcher.cli;

import io.reflex.client.ObjectType;
import io.reflex.launcher.ExitReason;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad input stops the launch before the app starts, with its own exit code and one line. */
@Timeout(120)
class BadInputTest {

    @TempDir
    static Path dir;
    static EngineFixture engine;
    static Path rundir;

    @BeforeAll
    static void storeServices() throws Exception {
        engine = EngineFixture.start(dir.resolve("engine"));
        rundir = Files.createDirectories(dir.resolve("app"));
        Apps.script(rundir, "app.sh", "touch started");
        Files.writeString(rundir.resolve("not-executable.sh"), "#!/bin/sh\ntouch started\n");
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        engine.put(ObjectType.CONFIG, """
                {"name": "plain", "type": "file", "sensitive": {"parameters": {"D": "d"}},
                 "content": {"dest": "out.txt", "ref": "sensitive.parameters.D"}}""");
        engine.put(ObjectType.CONFIG, """
                {"name": "cyclic", "type": "parameter", "setenv": {"X": "%{A}"},
                 "sensitive": {"parameters": {"A": "%{B}", "B": "%{C}", "C": "%{B}"}}}""");
        pipeline("good", rundir.toString(), rundir.resolve("cfg").toString(), "./app.sh");
        pipeline("noexec", rundir.toString(), rundir.resolve("cfg-noexec").toString(), "./missing.sh");
        pipeline("noexecbit", rundir.toString(), rundir.resolve("cfg-noexecbit").toString(), "./not-executable.sh");
        pipeline("badcfg", rundir.toString(), notADirectory.resolve("cfg").toString(), "./app.sh");
        engine.put(ObjectType.PIPELINE, "{\"name\": \"nolaunch\"}");
        service("ok-svc", "good", "plain");
        service("noexec-svc", "noexec", "plain");
        service("badcfg-svc", "badcfg", "plain");
        service("noexecbit-svc", "noexecbit", "plain");
        service("nopipeline-svc", "ghost", "plain");
        service("nolaunch-svc", "nolaunch", "plain");
        service("cyclic-svc", "good", "cyclic");
    }

    private static void pipeline(String name, String rundir, String cfgdir, String exec) throws Exception {
        engine.put(ObjectType.PIPELINE, """
                {"name": "%s", "launch": {"rundir": "%s", "cfgdir": "%s", "exec": ["%s"]}}"""
                .formatted(name, rundir, cfgdir, exec));
    }

    private static void service(String name, String pipeline, String config) throws Exception {
        engine.put(ObjectType.SERVICE, """
                {"name": "%s", "pipeline": "%s", "config": "%s"}""".formatted(name, pipeline, config));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static LaunchProcess launch(Map<String, String> env, String... args) throws IOException {
        return LaunchProcess.start(dir, env, List.of(args));
    }

    private static void assertRefused(LaunchProcess launch, ExitReason reason, String message) throws Exception {
        assertThat(launch.waitFor()).as(launch.stderr()).isEqualTo(reason.code());
        assertThat(launch.stderr().lines().filter(l -> l.startsWith("Reflex ABORT: ")).toList())
                .singleElement().asString().contains(message);
        assertThat(rundir.resolve("started")).doesNotExist();
    }

    @Test
    void unknownServiceExits2() throws Exception {
        assertRefused(launch(engine.environment(), "service", "nope"), ExitReason.UNKNOWN_SERVICE,
                "Cannot find service: nope");
    }

    @Test
    void refusedApikeyExits3() throws Exception {
        Map<String, String> env = engine.environment();
        String key = env.get("REFLEX_APIKEY");
        env.put("REFLEX_APIKEY", key.substring(0, key.indexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertRefused(launch(env, "service", "ok-svc"), ExitReason.AUTHENTICATION, "REFLEX_APIKEY");
    }

    @Test
    void unreachableEngineIsRetriedThenExits4() throws Exception {
        Map<String, String> env = engine.environment();
        try (ServerSocket closed = new ServerSocket(0)) {
            env.put("REFLEX_URL", "http://127.0.0.1:" + closed.getLocalPort() + "/api/v1");
        }
        LaunchProcess launch = launch(env, "service", "ok-svc", "--wait", "3s");
        assertRefused(launch, ExitReason.ENGINE_UNREACHABLE, "Engine unreachable after 3s");
        assertThat(launch.stderr()).contains("retrying");
    }

    @Test
    void pipelineWithoutLaunchSectionExits5() throws Exception {
        assertRefused(launch(engine.environment(), "service", "nolaunch-svc"), ExitReason.BAD_CONFIG,
                "Pipeline nolaunch has no launch section");
    }

    @Test
    void variableCycleExits5() throws Exception {
        assertRefused(launch(engine.environment(), "service", "cyclic-svc"), ExitReason.BAD_CONFIG,
                "Variable cycle");
    }

    @Test
    void missingProgramExits6AndWritesNoFile() throws Exception {
        assertRefused(launch(engine.environment(), "service", "noexec-svc"), ExitReason.EXEC_NOT_FOUND,
                "Cannot find executable: ./missing.sh");
        assertThat(rundir.resolve("cfg-noexec")).doesNotExist();
    }

    @Test
    void programWithoutExecuteBitExits6() throws Exception {
        assertRefused(launch(engine.environment(), "service", "noexecbit-svc"), ExitReason.EXEC_NOT_FOUND,
                "Cannot find executable: ./not-executable.sh");
    }

    @Test
    void missingPipelineExits5() throws Exception {
        assertRefused(launch(engine.environment(), "service", "nopipeline-svc"), ExitReason.BAD_CONFIG,
                "Cannot find pipeline: ghost");
    }

    @Test
    void unknownOptionValueIsAUsageError() throws Exception {
        assertRefused(launch(engine.environment(), "service", "ok-svc", "--reload-signal", "BOGUS"), ExitReason.USAGE,
                "--reload-signal must be none or one of");
    }

    @Test
    void unwritableCfgdirExits7() throws Exception {
        assertRefused(launch(engine.environment(), "service", "badcfg-svc"), ExitReason.CFGDIR_NOT_WRITABLE,
                "Config directory is not writable");
    }

    @Test
    void missingTargetIsAUsageError() throws Exception {
        assertRefused(launch(engine.environment(), "service"), ExitReason.USAGE,
                "No target defined (either as argument or set as REFLEX_SERVICE)");
    }

    @Test
    void failedPreInitActionExits8NamingTheAction() throws Exception {
        Path actions = Files.createDirectories(rundir.resolve(".reflex"));
        Files.writeString(actions.resolve("actions.json"), """
                {"actions": {"mount": {"type": "system", "exec": ["sh", "-c", "exit 3"]}}}""");
        try {
            assertRefused(launch(engine.environment(), "service", "ok-svc:mount"), ExitReason.ACTION_FAILED,
                    "Unable to continue after failure on 'mount' (exit 3)");
        } finally {
            try (Stream<Path> files = Files.list(actions)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.delete(actions);
        }
    }

    @Test
    void jsonLogFormatPutsTheAbortOnOneJsonLine() throws Exception {
        LaunchProcess launch = launch(engine.environment(), "service", "nope", "--logfmt", "json", "--notime");
        assertThat(launch.waitFor()).isEqualTo(ExitReason.UNKNOWN_SERVICE.code());
        JsonNode line = EngineFixture.JSON.readTree(launch.stderr().lines()
                .filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        assertThat(line.path("level").asText()).isEqualTo("error");
        assertThat(line.path("msg").asText()).isEqualTo("Reflex ABORT: Cannot find service: nope");
    }
}
