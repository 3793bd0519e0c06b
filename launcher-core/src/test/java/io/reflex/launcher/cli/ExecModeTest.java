package io.reflex.launcher.cli;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.engine.testing.Vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bct worked example (reference 5.8) launched for real, in exec mode, against a real engine. */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecModeTest {

    @TempDir
    static Path dir;
    static EngineFixture engine;
    static JsonNode vector;
    static Path rundir;
    static Path cfgdir;

    @BeforeAll
    static void storeTheBctExample() throws Exception {
        engine = EngineFixture.start(dir.resolve("engine"));
        vector = Vectors.read("config-flatten-bct.json");
        rundir = Files.createDirectories(dir.resolve("app"));
        cfgdir = rundir.resolve("config");
        Files.createDirectories(cfgdir);
        JsonNode inputs = vector.path("inputs");
        Files.writeString(cfgdir.resolve("local.xml.in"), inputs.path("cfgdir_files").path("local.xml.in").asText());
        for (String name : List.of("common", "bct-config1", "bct-config2", "bct-keystore", "bct", "bct-tst")) {
            engine.put(ObjectType.CONFIG, inputs.path("configs").path(name));
        }
        Apps.script(rundir, "app.sh", """
                echo "pid=$$"
                echo "exe=$(readlink /proc/$$/exe)"
                echo "args=$*"
                for fd in /proc/$$/fd/*; do echo "fd=$(readlink "$fd")"; done
                tr '\\0' '\\n' < /proc/$$/environ > environ.txt
                echo "$$" > app.pid
                exec grep -E '^Sig(Blk|Ign)' /proc/self/status
                """);
        ObjectNode pipeline = (ObjectNode) inputs.path("pipeline").deepCopy();
        ObjectNode launch = pipeline.putObject("launch");
        launch.put("cfgdir", "${BASE}/config");
        launch.put("rundir", "${BASE}");
        launch.putArray("exec").add("./app.sh").add("first");
        engine.put(ObjectType.PIPELINE, pipeline);
        engine.put(ObjectType.SERVICE, inputs.path("service"));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static Map<String, String> environment() {
        Map<String, String> env = engine.environment();
        env.put("BASE", rundir.toString());
        return env;
    }

    @Test
    void execModeReplacesTheJvmKeepsThePidAndDeliversTheBctFiles() throws Exception {
        LaunchProcess launch = LaunchProcess.start(dir, environment(), List.of("service", "bct-tst", "--", "extra"));
        assertThat(launch.waitFor()).as(launch.stderr()).isZero();

        String out = launch.stdout();
        assertThat(out).contains("pid=" + launch.pid()).contains("args=first extra");
        assertThat(out).containsPattern("exe=/\\S*(dash|bash|sh)\n").doesNotContain("java");
        assertThat(out).as("no signal blocked, none of the JVM's files inherited")
                .contains("SigBlk:\t0000000000000000")
                .doesNotContainPattern("fd=.*(\\.jar|socket:|\\.jsa|\\.so)");

        JsonNode files = vector.path("expected").path("files");
        for (String name : List.of("local.xml", "local.keystore")) {
            assertThat(Files.readAllBytes(cfgdir.resolve(name))).as(name)
                    .isEqualTo(Base64.getDecoder().decode(files.path(name).path("bytes_base64").asText()));
        }
        // reflex-client deliberately keeps objects under procvar paths as JSON (the documented variant, 9 item 15)
        assertThat(EngineFixture.JSON.readTree(cfgdir.resolve("local-production.json").toFile()))
                .isEqualTo(vector.path("docs_variant").path("files").path("local-production.json").path("json"));
        for (String name : List.of("local.xml", "local-production.json", "local.keystore")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cfgdir.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
        assertThat(launch.stderr()).contains("Processing config object bct-tst")
                .contains("CONFIG bct-keystore into " + cfgdir + "/local.keystore");
    }

    @Test
    void theAppSeesTheConfigsVariablesAndNeverTheApikey() throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("REFLEX_SERVICE"), "bct-tst\n");
        LaunchProcess launch = LaunchProcess.start(dir, environment(),
                List.of("service", "--secrets-dir", secrets.toString()));
        assertThat(launch.waitFor()).as(launch.stderr()).isZero();

        Map<String, String> environ = Files.readAllLines(rundir.resolve("environ.txt")).stream()
                .filter(line -> line.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                        (a, b) -> b, LinkedHashMap::new));
        Map<String, String> expected = new LinkedHashMap<>();
        vector.path("expected").path("setenv_after_commit").properties()
                .forEach(e -> expected.put(e.getKey(), e.getValue().asText()));
        expected.put("APP_CFG_BASE", cfgdir.toString());
        expected.put("APP_RUN_BASE", rundir.toString());
        expected.put("MONGO_URI", "mongodb://test-db/test_db");
        expected.put("LOGFMT", "txt");
        assertThat(environ).containsAllEntriesOf(expected);
        // the instance an earlier exec-mode launch registered is a peer: the original never excludes itself
        assertThat(environ).containsKeys("LAUNCH_PEERS0", "LAUNCH_PEERS1", "LAUNCH_PEER0_NAMES", "LAUNCH_PEER0_IPS",
                "LAUNCH_PEER1_NAMES", "LAUNCH_PEER1_IPS");
        assertThat(environ).doesNotContainKey("REFLEX_APIKEY").containsKey("REFLEX_URL");
        assertThat(environ.keySet()).noneMatch(name -> name.startsWith("\f"));
    }

    @Test
    @Order(1)
    void envPrintsTheReferenceLinesBeforeAnyInstanceIsRegistered() throws Exception {
        LaunchProcess launch = LaunchProcess.start(dir, environment(), List.of("env", "bct-tst"));
        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        assertThat(launch.stdout()).isEqualTo("""
                export APP_CFG_BASE="%s"
                export APP_PIPELINE="bct"
                export APP_RUN_BASE="%s"
                export APP_SERVICE="bct-tst"
                export LAUNCH_PEER0_IPS=""
                export LAUNCH_PEER0_NAMES=""
                export LAUNCH_PEER1_IPS=""
                export LAUNCH_PEER1_NAMES=""
                export LAUNCH_PEERS0=""
                export LAUNCH_PEERS1=""
                export MONGO-URI="mongodb://test-db/test_db"
                export TMPDIR="."
                """.formatted(cfgdir, rundir));
    }

    @Test
    void versionPrintsTheProjectVersion() throws Exception {
        LaunchProcess launch = LaunchProcess.start(dir, environment(), List.of("--version"));
        assertThat(launch.waitFor()).isZero();
        assertThat(launch.stdout()).startsWith("launch 0.");
    }

    @Test
    void configCommitWritesTheFilesAndPrintsTheMergedDocument() throws Exception {
        Path base = Files.createDirectories(dir.resolve("commit"));
        Files.createDirectories(base.resolve("config"));
        Files.copy(cfgdir.resolve("local.xml.in"), base.resolve("config/local.xml.in"));
        Map<String, String> env = environment();
        env.put("BASE", base.toString());

        LaunchProcess launch = LaunchProcess.start(dir, env, List.of("cfg", "bct-tst", "--commit"));

        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        JsonNode document = EngineFixture.JSON.readTree(launch.stdout());
        assertThat(document.path("launch").path("cfgdir").asText()).isEqualTo("${BASE}/config");
        assertThat(document.path("setenv").path("MONGO-URI").asText()).isEqualTo("mongodb://test-db/test_db");
        assertThat(document.has("exports")).isFalse();
        assertThat(base.resolve("config/local.keystore")).hasContent("not really a keystore object");
    }

    @Test
    void configStdinReachesTheExecedAppThroughAnInMemoryFile() throws Exception {
        Path app = Files.createDirectories(dir.resolve("stdin-exec"));
        Apps.script(app, "app.sh", "cat > stdin.json");
        engine.put(ObjectType.PIPELINE, """
                {"name": "stdin-pipe", "launch": {"rundir": "%s", "cfgdir": "%s/cfg", "exec": ["./app.sh"],
                 "config": "stdin"}}""".formatted(app, app));
        engine.put(ObjectType.SERVICE, "{\"name\": \"stdin-svc\", \"pipeline\": \"stdin-pipe\", \"config\": \"common\"}");

        LaunchProcess launch = LaunchProcess.start(dir, environment(), List.of("service", "stdin-svc"));

        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        JsonNode document = EngineFixture.JSON.readTree(app.resolve("stdin.json").toFile());
        assertThat(document.path("sensitive").path("parameters").path("SHARED-SECRET").asText()).isEqualTo("moar");
    }
    @Test
    void execModeRegistersTheInstanceAsStartingBeforeTheAppTakesOver() throws Exception {
        Path app = Files.createDirectories(dir.resolve("ping-exec"));
        Apps.script(app, "app.sh", "echo started");
        engine.put(ObjectType.PIPELINE, """
                {"name": "ping-pipe", "launch": {"rundir": "%s", "exec": ["./app.sh"]}}""".formatted(app));
        engine.put(ObjectType.SERVICE, "{\"name\": \"ping-svc\", \"pipeline\": \"ping-pipe\", \"config\": \"common\"}");

        LaunchProcess launch = LaunchProcess.start(dir, environment(), List.of("service", "ping-svc"));

        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        assertThat(launch.stdout()).isEqualTo("started\n");
        ReflexObject instance = engine.client().get(ObjectType.INSTANCE, "ping-svc-" + hostname());
        assertThat(instance.text("status")).contains("ok");
        assertThat(instance.json().path("lifecycle").path("state").asText()).isEqualTo("starting");
    }

    @Test
    void aConfigFileThatCannotBeWrittenMarksTheRegisteredInstanceFailed() throws Exception {
        Path app = Files.createDirectories(dir.resolve("blocked-exec"));
        Apps.script(app, "app.sh", "echo must not run");
        Files.createDirectories(app.resolve("cfg"));
        Files.writeString(app.resolve("cfg/blocked"), "a plain file where the config wants a directory");
        engine.put(ObjectType.CONFIG, """
                {"name": "blocked-file", "type": "file", "content": {"dest": "blocked/x.txt", "ref": "sensitive.parameters.X"},
                 "sensitive": {"parameters": {"X": "x"}}}""");
        engine.put(ObjectType.PIPELINE, """
                {"name": "blocked-pipe", "launch": {"rundir": "%s", "cfgdir": "%s/cfg", "exec": ["./app.sh"]}}"""
                .formatted(app, app));
        engine.put(ObjectType.SERVICE,
                "{\"name\": \"blocked-svc\", \"pipeline\": \"blocked-pipe\", \"config\": \"blocked-file\"}");

        LaunchProcess launch = LaunchProcess.start(dir, environment(), List.of("service", "blocked-svc"));

        assertThat(launch.waitFor()).as(launch.stderr()).isEqualTo(7);
        assertThat(launch.stdout()).isEmpty();
        assertThat(launch.stderr()).contains("Reflex ABORT: Cannot write config file");
        ReflexObject instance = engine.client().get(ObjectType.INSTANCE, "blocked-svc-" + hostname());
        assertThat(instance.text("status")).contains("failed");
        assertThat(instance.json().path("lifecycle").path("state").asText()).isEqualTo("failed");
    }

    private static String hostname() throws Exception {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }
}
