package io.reflex.launcher.cli;

import io.reflex.launcher.ExitReason;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code launch action} (7.4): the local actions file without a service, and no engine. */
@Timeout(120)
class ActionCommandTest {

    @TempDir
    static Path dir;
    static Path app;

    @BeforeAll
    static void writeActionsFile() throws Exception {
        app = Files.createDirectories(dir.resolve("app"));
        Files.createDirectories(app.resolve(".pkg"));
        Files.writeString(app.resolve(".pkg/actions.json"), """
                {"config": {"active-copies": 2, "region": "eu"},
                 "setenv": {"COPIES": "${active-copies}", "WHERE": "${region}-${HOME_TOWN}"},
                 "actions": {
                   "copies": {"type": "system", "exec": ["sh", "-c", "echo copies=${COPIES} \\"$@\\" > copies.txt", "sh"], "onSuccess": "done"},
                   "done": {"type": "script", "target": "done.sh", "title": "Finish"},
                   "meta": {"type": "system", "exec": ["sh", "-c", "echo url=$REFLEX_URL key=$REFLEX_APIKEY > meta.txt"]},
                   "stdin": {"type": "system", "config": "stdin", "exec": ["sh", "-c", "cat > stdin.txt"]},
                   "fail": {"type": "system", "exec": ["sh", "-c", "exit 3"]},
                   "loop": {"type": "system", "exec": ["true"], "onSuccess": "loop"}
                 }}""");
        Apps.script(app, "done.sh", "echo done >> done.txt");
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME_TOWN", "dublin");
        env.put("REFLEX_URL", "http://127.0.0.1:1/api/v1");
        env.put("REFLEX_APIKEY", "key.secret");
        env.put("APP_RUN_BASE", app.toString());
        return env;
    }

    /** In-process run for the commands that start no child. */
    private static Result inProcess(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LaunchMain.run(argv, environment(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }

    @Test
    void listPrintsEachActionWithItsType() {
        Result result = inProcess("action", "ls");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).containsExactly(
                "ACTION  TYPE", "copies  system", "done    script", "meta    system", "stdin   system",
                "fail    system", "loop    system");
        assertThat(inProcess("act", "li").out()).isEqualTo(result.out());
    }

    @Test
    void envPrintsTheGlobalSetenvSubstitutedAndQuoted() {
        Result result = inProcess("action", "env");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).containsExactly("export COPIES=\"2\"", "export WHERE=\"eu-dublin\"");
    }

    @Test
    void verifyPrintsTheChainAndRefusesLoopsAndUnknownNames() {
        assertThat(inProcess("action", "verify", "copies").out()).isEqualTo("copies -> done\n");

        Result loop = inProcess("action", "verify", "loop");
        assertThat(loop.code()).isEqualTo(ExitReason.BAD_CONFIG.code());
        assertThat(loop.err()).contains("Reflex ABORT: Recursive action calls back in on itself! (loop -> loop)");

        assertThat(inProcess("action", "verify", "nope").err()).contains("No such action: nope");
        assertThat(inProcess("action", "verify").code()).isEqualTo(ExitReason.USAGE.code());
        assertThat(inProcess("action").code()).isEqualTo(ExitReason.USAGE.code());
    }

    @Test
    void runAndShorthandRunTheChainWithExtraArguments() throws Exception {
        LaunchProcess run = LaunchProcess.start(dir, environment(), List.of("action", "run", "copies", "a", "b"));
        assertThat(run.waitFor()).as(run.stderr()).isZero();
        assertThat(Files.readString(app.resolve("copies.txt"))).isEqualTo("copies=2 a b\n");
        assertThat(Files.readAllLines(app.resolve("done.txt"))).containsExactly("done");
        assertThat(run.stderr()).contains("==[ Action 'Finish' ]");

        LaunchProcess shorthand = LaunchProcess.start(dir, environment(), List.of("action", "copies", "c"));
        assertThat(shorthand.waitFor()).as(shorthand.stderr()).isZero();
        assertThat(Files.readString(app.resolve("copies.txt"))).isEqualTo("copies=2 c\n");
        assertThat(Files.readAllLines(app.resolve("done.txt"))).containsExactly("done", "done");
    }

    @Test
    void exportMetaIsTheOnlyWayAnActionSeesTheApikey() throws Exception {
        LaunchProcess plain = LaunchProcess.start(dir, environment(), List.of("action", "meta"));
        assertThat(plain.waitFor()).as(plain.stderr()).isZero();
        assertThat(Files.readString(app.resolve("meta.txt"))).isEqualTo("url=http://127.0.0.1:1/api/v1 key=\n");

        LaunchProcess meta = LaunchProcess.start(dir, environment(), List.of("action", "meta", "--export-meta"));
        assertThat(meta.waitFor()).as(meta.stderr()).isZero();
        assertThat(Files.readString(app.resolve("meta.txt"))).isEqualTo("url=http://127.0.0.1:1/api/v1 key=key.secret\n");
    }

    @Test
    void configOptionIsTheStdinPayloadAsAJsonString() throws Exception {
        LaunchProcess launch = LaunchProcess.start(dir, environment(), List.of("action", "stdin", "--config=a\"b"));
        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        assertThat(Files.readString(app.resolve("stdin.txt"))).isEqualTo("\"a\\\"b\"");
    }

    @Test
    void aFailingActionExitsWithTheActionCodeAndNamesIt() throws Exception {
        LaunchProcess launch = LaunchProcess.start(dir, environment(), List.of("action", "fail"));
        assertThat(launch.waitFor()).isEqualTo(ExitReason.ACTION_FAILED.code());
        assertThat(launch.stderr()).contains("Unable to continue after failure on 'fail'");
    }
}
