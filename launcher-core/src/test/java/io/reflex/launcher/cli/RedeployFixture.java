package io.reflex.launcher.cli;

import io.reflex.client.ObjectType;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Services whose app is {@link VersionApp} behind the redeploy proxy, on a real engine, and the calls the redeploy
 * tests make against them.
 */
final class RedeployFixture {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final EngineFixture engine;
    private final Path dir;

    RedeployFixture(EngineFixture engine, Path dir) {
        this.engine = engine;
        this.dir = dir;
    }

    EngineFixture engine() {
        return engine;
    }

    /**
     * Stores service {@code name}: config {@code name-cfg} (version v1, healthy), and a pipeline running
     * {@link VersionApp} with {@code proxy} as its {@code launch.proxy} object.
     */
    void service(String name, String proxy) throws Exception {
        config(name, "v1", "ok", "0");
        List<String> exec = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-Xss512k",
                VersionApp.class.getName());
        Path rundir = Files.createDirectories(dir.resolve(name));
        engine.put(ObjectType.PIPELINE, EngineFixture.JSON.createObjectNode().put("name", name + "-pipe")
                .set("launch", EngineFixture.JSON.createObjectNode().put("rundir", rundir.toString())
                        .put("cfgdir", rundir.toString()).put("heartbeat", "2s")
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("exec", EngineFixture.JSON.valueToTree(exec))
                        .set("proxy", EngineFixture.JSON.readTree(proxy))));
        engine.put(ObjectType.SERVICE, """
                {"name": "%s", "pipeline": "%s-pipe", "config": "%s-cfg"}""".formatted(name, name, name));
    }

    /** What the next color of {@code name} will run with. */
    void config(String name, String version, String health, String crash) throws Exception {
        engine.put(ObjectType.CONFIG, """
                {"name": "%s-cfg", "type": "parameter",
                 "setenv": {"VERSION": "%s", "HEALTH": "%s", "CRASH": "%s"}}""".formatted(name, version, health, crash));
    }

    /** {@code launch service NAME --proxy PORT --instance NAME-i1 ARGS}, with its own run directory. */
    LaunchProcess launch(String name, int port, String instance, Map<String, String> extraEnv, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("service", name, "--proxy", "127.0.0.1:" + port,
                "--instance", instance, "--grace", "3s"));
        command.addAll(List.of(args));
        return LaunchProcess.start(dir, environment(instance, extraEnv), command);
    }

    /** {@code launch redeploy NAME} against the launcher of {@code instance}. */
    LaunchProcess redeploy(String name, String instance, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("redeploy", name));
        command.addAll(List.of(args));
        return LaunchProcess.start(dir, environment(instance, Map.of()), command);
    }

    private Map<String, String> environment(String instance, Map<String, String> extraEnv) throws IOException {
        Map<String, String> env = new HashMap<>(engine.environment());
        env.put("CLASSPATH", System.getProperty("java.class.path"));
        env.put("REFLEX_RUN_DIR", Files.createDirectories(dir.resolve("run-" + instance)).toString());
        env.putAll(extraEnv);
        return env;
    }

    JsonNode lifecycle(String instance) {
        return engine.client().find(ObjectType.INSTANCE, instance).map(o -> o.json().path("lifecycle"))
                .orElse(EngineFixture.JSON.missingNode());
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of {@code GET /}, or the error, for awaiting a version. */
    static String version(int port) {
        try {
            return get(port, "/").body();
        } catch (IOException e) {
            return "error: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
