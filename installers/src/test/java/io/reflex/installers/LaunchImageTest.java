package io.reflex.installers;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's runtime image as a user gets it: the tarball unpacked somewhere else than where it was built, run
 * with no JDK on {@code PATH} and no {@code JAVA_HOME}, against a real engine. Runs only with {@code -Ppackage},
 * after the image is built (installers/pom.xml).
 */
@Timeout(180)
class LaunchImageTest {

    @TempDir
    static Path dir;
    static Path image;
    static Path tools;
    static RunningEngine engine;

    @BeforeAll
    static void unpackAndStartAnEngine() throws Exception {
        Path tarball = Path.of(System.getProperty("launch.image.tarball"));
        assertThat(tarball).isRegularFile();
        Path unpacked = Files.createDirectories(dir.resolve("opt"));
        assertThat(run(List.of("tar", "-C", unpacked.toString(), "-xzf", tarball.toString()), Map.of(), dir).code())
                .isZero();
        try (var entries = Files.list(unpacked)) {
            image = entries.findFirst().orElseThrow();
        }
        // a PATH with only what bin/launch itself calls: no java anywhere on it
        tools = Files.createDirectories(dir.resolve("tools"));
        Files.createSymbolicLink(tools.resolve("dirname"), Path.of("/usr/bin/dirname"));

        engine = RunningEngine.start(TestDatabase.SQLITE, dir.resolve("engine"));
        ReflexClient client = ReflexClient.create(engine.url(), engine.masterKey());
        Path app = Files.createDirectories(dir.resolve("app"));
        client.create(ObjectType.CONFIG, ReflexObject.parse("""
                {"name": "img-file", "type": "file", "content": {"dest": "token.txt", "ref": "sensitive.parameters.TOKEN"}}"""));
        client.create(ObjectType.CONFIG, ReflexObject.parse("""
                {"name": "img", "type": "parameter", "exports": ["img-file"],
                 "sensitive": {"parameters": {"TOKEN": "s3cret"}}, "setenv": {"TOKEN": "%{TOKEN}", "MODE": "image"}}"""));
        client.create(ObjectType.PIPELINE, ReflexObject.parse("""
                {"name": "img", "launch": {"rundir": "%s", "cfgdir": "%s/cfg", "exec": ["./app.sh"]}}"""
                .formatted(app, app)));
        client.create(ObjectType.SERVICE, ReflexObject.parse("{\"name\": \"imgsvc\", \"pipeline\": \"img\", \"config\": \"img\"}"));
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void layoutHasTheLauncherTheJarsTheCacheAndOwnRuntime() {
        assertThat(image.getFileName().toString()).isEqualTo("reflex-launch-" + System.getProperty("launch.image.version"));
        assertThat(image.resolve("bin/launch")).isExecutable();
        assertThat(image.resolve("runtime/bin/java")).isExecutable();
        assertThat(image.resolve("lib/launch.aot")).isNotEmptyFile();
        assertThat(image.resolve("lib").toFile().list((d, name) -> name.startsWith("launcher-core-"))).hasSize(1);
        assertThat(image.resolve("runtime/lib/modules")).isRegularFile();
    }

    @Test
    void versionRunsOnTheImagesOwnJavaAndItsAotCache() throws Exception {
        // AOTMode=on makes the JVM refuse to start when the cache cannot be used (e.g. a class path mismatch)
        Result result = run(List.of(image.resolve("bin/launch").toString(), "--version"),
                Map.of("PATH", tools.toString(), "REFLEX_LAUNCH_JAVA_OPTS", "-XX:AOTMode=on"), dir);

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("launch " + System.getProperty("launch.image.version") + "\n");
    }

    @Test
    void configAgainstARealEngineWritesTheFilesAndPrintsTheDocument() throws Exception {
        Result result = run(List.of(image.resolve("bin/launch").toString(), "config", "imgsvc", "--commit", "--notime"),
                Map.of("PATH", tools.toString(), "REFLEX_URL", engine.url(), "REFLEX_APIKEY", engine.masterKey(),
                        "REFLEX_LAUNCH_JAVA_OPTS", "-XX:AOTMode=on"), dir);

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"MODE\": \"image\"", "\"TOKEN\": \"s3cret\"");
        assertThat(Files.readString(dir.resolve("app/cfg/token.txt"))).isEqualTo("s3cret");
        assertThat(result.err()).doesNotContain("Exception", "warning");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(List<String> command, Map<String, String> environment, Path cwd)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not end: " + command + "\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
