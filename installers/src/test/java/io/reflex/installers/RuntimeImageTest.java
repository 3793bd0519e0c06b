package io.reflex.installers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runtime image as a user gets it: the tarball unpacked somewhere else than where it was built, every program run
 * with no JDK on {@code PATH} and no {@code JAVA_HOME}. Its own {@code reflex-engine} serves a SQLite database in a
 * temporary directory, its own {@code reflex} stores a pipeline, configs and a service there, and its own
 * {@code launch} prepares that service: the three programs work together on the image's runtime alone.
 */
@Timeout(300)
@DisabledIfSystemProperty(named = "image.skip", matches = "true")
class RuntimeImageTest {

    private static final Pattern LISTENING = Pattern.compile("Reflex Engine listening on (http://\\S+)");

    @TempDir
    static Path dir;
    static ImageRun image;
    static Process engine;
    static String url;
    static String apikey;

    @BeforeAll
    static void unpackAndStartTheImagesEngine() throws Exception {
        image = ImageRun.unpack(Path.of(System.getProperty("image.tarball")), dir);
        Path data = dir.resolve("engine");
        Path log = dir.resolve("engine.log");
        engine = image.start("reflex-engine", List.of("--data=" + data, "--listen=127.0.0.1:0"), Map.of(), log);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(engine.isAlive()).as("engine exited: %s", Files.readString(log)).isTrue();
            assertThat(LISTENING.matcher(Files.readString(log)).find()).isTrue();
            assertThat(data.resolve("master.key")).isNotEmptyFile();
        });
        Matcher listening = LISTENING.matcher(Files.readString(log));
        assertThat(listening.find()).isTrue();
        url = listening.group(1);
        apikey = Files.readString(data.resolve("master.key")).strip();
    }

    @AfterAll
    static void stopTheEngine() throws InterruptedException {
        if (engine != null) {
            engine.destroy();
            engine.waitFor();
        }
    }

    @Test
    void layoutHasTheThreeProgramsTheirJarsLaunchsCacheAndOwnRuntime() {
        assertThat(image.home().getFileName().toString()).isEqualTo("reflex-launch-" + System.getProperty("image.version"));
        for (String program : List.of("launch", "reflex", "reflex-engine")) {
            assertThat(image.home().resolve("bin").resolve(program)).isExecutable();
        }
        assertThat(image.home().resolve("runtime/bin/java")).isExecutable();
        assertThat(image.home().resolve("lib/launch.aot")).isNotEmptyFile();
        for (String jar : List.of("launcher-core-", "reflex-tools-", "reflex-engine-", "sqlite-jdbc-")) {
            assertThat(image.home().resolve("lib").toFile().list((d, name) -> name.startsWith(jar))).hasSize(1);
        }
    }

    @Test
    void versionRunsOnTheImagesOwnJavaAndItsAotCache() throws Exception {
        // AOTMode=on makes the JVM refuse to start when the cache cannot be used (e.g. a class path mismatch)
        ImageRun.Result result = image.run("launch", List.of("--version"),
                Map.of("REFLEX_LAUNCH_JAVA_OPTS", "-XX:AOTMode=on"));

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("launch " + System.getProperty("image.version") + "\n");
    }

    @Test
    void reflexStoresAServiceInTheImagesEngineAndLaunchPreparesIt() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        reflex("engine", "config", "create", "img-file", "-c",
                "{\"type\": \"file\", \"content\": {\"dest\": \"token.txt\", \"ref\": \"sensitive.parameters.TOKEN\"}}");
        reflex("engine", "config", "create", "img", "-c", """
                {"type": "parameter", "exports": ["img-file"], "sensitive": {"parameters": {"TOKEN": "s3cret"}},
                 "setenv": {"TOKEN": "%{TOKEN}", "MODE": "image"}}""");
        reflex("engine", "pipeline", "create", "img", "-c",
                "{\"launch\": {\"rundir\": \"%s\", \"cfgdir\": \"%s/cfg\", \"exec\": [\"./app.sh\"]}}".formatted(app, app));
        reflex("engine", "service", "create", "imgsvc", "-c", "{\"pipeline\": \"img\", \"config\": \"img\"}");
        // under another name (a link, as users install rxe) it runs that scope
        Path rxe = Files.createSymbolicLink(dir.resolve("rxe"), image.home().resolve("bin/reflex"));
        ImageRun.Result services = image.run(rxe.toString(), List.of("svc", "ls", "-f", "list", "-s", "name"),
                Map.of("REFLEX_URL", url, "REFLEX_APIKEY", apikey));
        assertThat(services.code()).as(services.err()).isZero();
        assertThat(services.out()).contains("imgsvc");

        ImageRun.Result config = image.run("launch", List.of("config", "imgsvc", "--commit", "--notime"),
                Map.of("REFLEX_URL", url, "REFLEX_APIKEY", apikey, "REFLEX_LAUNCH_JAVA_OPTS", "-XX:AOTMode=on"));

        assertThat(config.code()).as(config.err()).isZero();
        assertThat(config.out()).contains("\"MODE\": \"image\"", "\"TOKEN\": \"s3cret\"");
        assertThat(Files.readString(app.resolve("cfg/token.txt"))).isEqualTo("s3cret");
        assertThat(config.err()).doesNotContain("Exception", "warning");
    }

    private static void reflex(String... args) throws IOException, InterruptedException {
        ImageRun.Result result = image.run("reflex", List.of(args), Map.of("REFLEX_URL", url, "REFLEX_APIKEY", apikey));
        assertThat(result.code()).as("reflex %s: %s", List.of(args), result.err()).isZero();
    }
}
