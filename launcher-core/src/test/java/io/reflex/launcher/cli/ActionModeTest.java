package io.reflex.launcher.cli;

import io.reflex.client.ObjectType;
import io.reflex.launcher.ExitReason;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Action mode (6.5, 7): Reflex Actions from the app's own actions file, run with the config's environment. */
@Timeout(120)
class ActionModeTest {

    @TempDir
    static Path dir;
    static EngineFixture engine;
    static Path rundir;

    @BeforeAll
    static void storeAnActionService() throws Exception {
        engine = EngineFixture.start(dir.resolve("engine"));
        rundir = Files.createDirectories(dir.resolve("act"));
        Files.createDirectories(rundir.resolve(".reflex"));
        Files.writeString(rundir.resolve(".reflex/actions.json"), """
                {"config": {"greeting": "hi", "cfgdir": "${APP_RUN_BASE}/local-cfg"},
                 "setenv": {"GREET": "${greeting}-${APP_SERVICE}"},
                 "actions": {
                   "start": {"type": "system", "config": "stdin", "onSuccess": "finish",
                             "setenv": {"STEP": "${GREET}/start"},
                             "exec": ["sh", "-c", "cat > stdin.json; tr '\\\\0' '\\\\n' < /proc/$$/environ > environ.txt; echo ${GREET} > greet.txt"]},
                   "finish": {"type": "script", "target": "finish.sh", "title": "Finish"},
                   "loop-a": {"type": "system", "exec": ["true"], "onSuccess": "loop-b"},
                   "loop-b": {"type": "system", "exec": ["true"], "onSuccess": "loop-a"},
                   "both": {"type": "group", "actions": ["finish", "finish"]}
                 }}""");
        Apps.script(rundir, "finish.sh", "echo done >> finished.txt");
        engine.put(ObjectType.CONFIG, """
                {"name": "act-file", "type": "file", "content": {"dest": "token.txt", "ref": "sensitive.parameters.TOKEN"}}""");
        engine.put(ObjectType.CONFIG, """
                {"name": "act-cfg", "type": "parameter", "exports": ["act-file"],
                 "sensitive": {"parameters": {"TOKEN": "s3cret"}}, "setenv": {"TOKEN": "%{TOKEN}"}}""");
        engine.put(ObjectType.PIPELINE, """
                {"name": "act-pipe", "launch": {"type": "action", "target": "start", "rundir": "%s", "cfgdir": "%s/cfg"}}"""
                .formatted(rundir, rundir));
        engine.put(ObjectType.SERVICE, "{\"name\": \"actsvc\", \"pipeline\": \"act-pipe\", \"config\": \"act-cfg\"}");
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void pipelineTargetRunsWithConfigOnStdinAndWithoutTheApikey() throws Exception {
        Map<String, String> env = engine.environment();
        env.put("APP_RUN_BASE", rundir.toString());
        LaunchProcess launch = LaunchProcess.start(dir, env, List.of("service", "actsvc"));
        assertThat(launch.waitFor()).as(launch.stderr()).isZero();

        JsonNode stdin = EngineFixture.JSON.readTree(rundir.resolve("stdin.json").toFile());
        // the service's own pipeline reference (name.id) wins over the pipeline name, as in the original (6.7)
        assertThat(stdin.path("pipeline").asText()).startsWith("act-pipe.");
        assertThat(stdin.path("sensitive").path("parameters").path("TOKEN").asText()).isEqualTo("s3cret");
        List<String> environ = Files.readAllLines(rundir.resolve("environ.txt"));
        assertThat(environ).contains("TOKEN=s3cret", "GREET=hi-actsvc", "STEP=hi-actsvc/start", "APP_SERVICE=actsvc")
                .noneMatch(line -> line.startsWith("REFLEX_APIKEY="));
        assertThat(Files.readString(rundir.resolve("greet.txt"))).isEqualTo("hi-actsvc\n");
        assertThat(Files.readAllLines(rundir.resolve("finished.txt"))).contains("done");
        // found through APP_RUN_BASE, the actions file's cfgdir wins over the pipeline's (6.5)
        assertThat(Files.readString(rundir.resolve("local-cfg/token.txt"))).isEqualTo("s3cret");
        assertThat(launch.stderr()).contains("==[ Action 'Finish' ]");
    }

    @Test
    void recursiveOnSuccessChainIsRefusedBeforeAnythingRuns() throws Exception {
        LaunchProcess launch = LaunchProcess.start(dir, engine.environment(), List.of("service", "actsvc:loop-a"));
        assertThat(launch.waitFor()).as(launch.stderr()).isEqualTo(ExitReason.BAD_CONFIG.code());
        assertThat(launch.stderr()).contains("Reflex ABORT: Recursive action calls back in on itself! (loop-a -> loop-b -> loop-a)");
    }

    @Test
    void groupRunsEachMember() throws Exception {
        Files.deleteIfExists(rundir.resolve("finished.txt"));
        LaunchProcess launch = LaunchProcess.start(dir, engine.environment(), List.of("service", "actsvc:both"));
        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        assertThat(Files.readAllLines(rundir.resolve("finished.txt"))).containsExactly("done", "done");
    }
}
