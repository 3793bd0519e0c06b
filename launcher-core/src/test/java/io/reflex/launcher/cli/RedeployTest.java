package io.reflex.launcher.cli;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redeploys with real processes: {@code launch service --proxy} as its own JVM against a real engine, each color a
 * {@link VersionApp} JVM, requests over real sockets (docs/redeploy.md).
 */
@Timeout(180)
class RedeployTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static EngineFixture engine;
    static RedeployFixture fixture;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = EngineFixture.start(dir.resolve("engine"));
        fixture = new RedeployFixture(engine, dir);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static LaunchProcess serving(String service, int port, String instance, Map<String, String> env,
                                         String... args) throws Exception {
        LaunchProcess launch = fixture.launch(service, port, instance, env, args);
        try {
            await().atMost(LONG).pollInterval(Duration.ofMillis(200))
                    .failFast("launch ended", () -> !launch.process().isAlive())
                    .until(() -> RedeployFixture.version(port).equals("v1")
                            && launch.stderr().contains("Control socket "));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError("launch never served v1; its log:\n" + launch.stderr(), e);
        }
        return launch;
    }

    private static void stop(LaunchProcess launch) throws Exception {
        launch.process().destroy();
        launch.waitFor();
    }

    @Test
    void redeploysUnderConstantLoadWithoutAFailedRequest() throws Exception {
        fixture.service("rd-load", """
                {"health": "/health", "drain": "5s"}""");
        int port = RedeployFixture.freePort();
        LaunchProcess launch = serving("rd-load", port, "rd-load-i1", Map.of());
        await().atMost(LONG).until(() -> fixture.lifecycle("rd-load-i1").path("color").asInt() == 1);
        Load load = Load.start(port, 4);
        try (load) {
            await().atMost(LONG).until(() -> load.ok() > 50);
            fixture.config("rd-load", "v2", "ok", "0");
            LaunchProcess redeploy = fixture.redeploy("rd-load", "rd-load-i1");
            assertThat(redeploy.waitFor()).as(redeploy.stderr()).isZero();
            assertThat(redeploy.stdout()).contains("\"state\":\"done\"").contains("\"color\":2");
            assertThat(RedeployFixture.version(port)).isEqualTo("v2");
            await().atMost(LONG).until(() -> load.bodies().getOrDefault("v2", 0) > 50);
        }
        assertThat(load.failures()).isEmpty();
        assertThat(load.bodies()).containsOnlyKeys("v1", "v2");
        await().atMost(LONG).untilAsserted(() -> {
            JsonNode lifecycle = fixture.lifecycle("rd-load-i1");
            assertThat(lifecycle.path("color").asInt()).isEqualTo(2);
            assertThat(lifecycle.path("redeploy").path("state").asText()).isEqualTo("done");
            assertThat(lifecycle.path("ttl").asInt()).isEqualTo(6);
            assertThat(lifecycle.path("colors")).hasSize(1);
            assertThat(lifecycle.path("colors").get(0).path("state").asText()).isEqualTo("ready");
            assertThat(lifecycle.path("colors").get(0).path("port").asInt()).isPositive().isNotEqualTo(port);
        });
        stop(launch);
    }

    @Test
    void aNewColorThatIsNeverHealthyOrCrashesLeavesTheOldOneServing() throws Exception {
        fixture.service("rd-fail", """
                {"health": "/health", "expect": 200, "ready-timeout": "8s"}""");
        int port = RedeployFixture.freePort();
        LaunchProcess launch = serving("rd-fail", port, "rd-fail-i1", Map.of());

        fixture.config("rd-fail", "v2", "fail", "0");
        LaunchProcess unhealthy = fixture.redeploy("rd-fail", "rd-fail-i1");
        assertThat(unhealthy.waitFor()).as(unhealthy.stderr()).isEqualTo(9);
        assertThat(unhealthy.stderr()).contains("not ready after 8000 ms (GET /health answering 200)");
        assertThat(RedeployFixture.version(port)).isEqualTo("v1");
        await().atMost(LONG).untilAsserted(() -> {
            JsonNode lifecycle = fixture.lifecycle("rd-fail-i1");
            assertThat(lifecycle.path("redeploy").path("state").asText()).isEqualTo("failed");
            assertThat(lifecycle.path("redeploy").path("message").asText()).contains("not ready");
            assertThat(lifecycle.path("color").asInt()).isEqualTo(1);
        });

        fixture.config("rd-fail", "v3", "ok", "1");
        LaunchProcess crashing = fixture.redeploy("rd-fail", "rd-fail-i1");
        assertThat(crashing.waitFor()).as(crashing.stderr()).isEqualTo(9);
        assertThat(crashing.stderr()).contains("color 3 exited before it was ready: exit 3");
        assertThat(RedeployFixture.version(port)).isEqualTo("v1");

        fixture.config("rd-fail", "v4", "ok", "0");
        LaunchProcess healthy = fixture.redeploy("rd-fail", "rd-fail-i1");
        assertThat(healthy.waitFor()).as(healthy.stderr()).isZero();
        assertThat(RedeployFixture.version(port)).isEqualTo("v4");
        assertThat(launch.stderr()).contains("Redeploy").contains("failed, color 1 keeps serving");
        stop(launch);
    }

    @Test
    void theOldColorDrainsASlowRequestAndKeepsAWebSocketUntilTheGracePeriodEnds() throws Exception {
        fixture.service("rd-drain", """
                {"health": "/health", "drain": "6s"}""");
        int port = RedeployFixture.freePort();
        LaunchProcess launch = serving("rd-drain", port, "rd-drain-i1", Map.of());
        Socket socket = Socket.open(port);
        assertThat(socket.echo("a")).isEqualTo("v1:a");
        CompletableFuture<HttpResponse<String>> slow = RedeployFixture.HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow?ms=2500")).build(),
                HttpResponse.BodyHandlers.ofString());

        fixture.config("rd-drain", "v2", "ok", "0");
        LaunchProcess redeploy = fixture.redeploy("rd-drain", "rd-drain-i1");
        assertThat(redeploy.waitFor()).as(redeploy.stderr()).isZero();
        Instant switched = Instant.now();
        assertThat(RedeployFixture.version(port)).isEqualTo("v2");
        assertThat(fixture.lifecycle("rd-drain-i1").path("colors").findValuesAsText("state")).contains("draining");

        HttpResponse<String> slowResponse = slow.get(30, TimeUnit.SECONDS);
        assertThat(slowResponse.statusCode()).isEqualTo(200);
        assertThat(slowResponse.body()).isEqualTo("v1");
        assertThat(socket.echo("b")).isEqualTo("v1:b");
        assertThat(socket.closed.isDone()).isFalse();

        socket.closed.get(30, TimeUnit.SECONDS);
        assertThat(Duration.between(switched, Instant.now())).isGreaterThan(Duration.ofSeconds(4));
        assertThat(launch.stderr()).contains("color 1 still has 1 in flight after the drain grace, stopping it");
        stop(launch);
    }

    @Test
    void aRequestDuringARedeployIsCoalescedIntoTheNextRun() throws Exception {
        fixture.service("rd-coalesce", """
                {"warmup": "3s"}""");
        int port = RedeployFixture.freePort();
        LaunchProcess launch = serving("rd-coalesce", port, "rd-coalesce-i1", Map.of());
        fixture.config("rd-coalesce", "v2", "ok", "0");
        LaunchProcess first = fixture.redeploy("rd-coalesce", "rd-coalesce-i1");
        await().atMost(LONG).until(() -> launch.stderr().contains("Started color 2"));
        LaunchProcess second = fixture.redeploy("rd-coalesce", "rd-coalesce-i1");
        LaunchProcess third = fixture.redeploy("rd-coalesce", "rd-coalesce-i1");
        for (LaunchProcess redeploy : List.of(first, second, third)) {
            assertThat(redeploy.waitFor()).as(redeploy.stderr()).isZero();
        }
        assertThat(first.stdout()).contains("\"color\":2");
        assertThat(second.stdout()).contains("\"color\":3");
        assertThat(third.stdout()).contains("\"color\":3");
        assertThat(launch.stderr()).contains("coalesced into").doesNotContain("Started color 4");
        stop(launch);
    }

    @Test
    void theHttpControlEndpointNeedsTheToken() throws Exception {
        fixture.service("rd-http", """
                {"health": "/health"}""");
        int controlPort = RedeployFixture.freePort();
        LaunchProcess noToken = fixture.launch("rd-http", RedeployFixture.freePort(), "rd-http-i0", Map.of(),
                "--control", "127.0.0.1:" + controlPort);
        assertThat(noToken.waitFor()).isEqualTo(64);
        assertThat(noToken.stderr()).contains("--control needs REFLEX_CONTROL_TOKEN");

        int port = RedeployFixture.freePort();
        LaunchProcess launch = serving("rd-http", port, "rd-http-i1", Map.of("REFLEX_CONTROL_TOKEN", "s3cret-token"),
                "--control", "127.0.0.1:" + controlPort);
        URI redeploy = URI.create("http://127.0.0.1:" + controlPort + "/redeploy");
        HttpResponse<String> anonymous = RedeployFixture.HTTP.send(HttpRequest.newBuilder(redeploy)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEmpty();
        HttpResponse<String> wrong = RedeployFixture.HTTP.send(HttpRequest.newBuilder(redeploy)
                .header("Authorization", "Bearer s3cret-tokeN").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(RedeployFixture.version(port)).isEqualTo("v1");
        assertThat(launch.stderr()).contains("Control endpoint: refused an unauthenticated POST")
                .doesNotContain("s3cret-token");

        HttpResponse<String> allowed = RedeployFixture.HTTP.send(HttpRequest.newBuilder(redeploy)
                .header("Authorization", "Bearer s3cret-token")
                .POST(HttpRequest.BodyPublishers.ofString("{\"target\": {\"build\": \"7.1\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(EngineFixture.JSON.readTree(allowed.body()).path("color").asInt()).isEqualTo(2);
        assertThat(RedeployFixture.version(port)).isEqualTo("7.1");
        stop(launch);
    }

    @Test
    void anEngineRequestRollsAcrossTheInstancesOneAtATime() throws Exception {
        fixture.service("rd-roll", """
                {"warmup": "2s"}""");
        int portA = RedeployFixture.freePort();
        int portB = RedeployFixture.freePort();
        LaunchProcess a = serving("rd-roll", portA, "rd-roll-a", Map.of());
        LaunchProcess b = serving("rd-roll", portB, "rd-roll-b", Map.of());
        await().atMost(LONG).until(() -> fixture.lifecycle("rd-roll-a").path("state").asText().equals("ready")
                && fixture.lifecycle("rd-roll-b").path("state").asText().equals("ready"));

        ObjectNode request = EngineFixture.JSON.createObjectNode();
        request.putObject("redeploy").put("id", "rd-test-roll-1").put("by", "test").put("batch", 1)
                .put("min-ready", 1).putObject("target").put("build", "2.0");
        engine.client().merge(ObjectType.SERVICE, "rd-roll", ReflexObject.of(request));

        AtomicBoolean bothDeploying = new AtomicBoolean();
        await().atMost(LONG).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode first = fixture.lifecycle("rd-roll-a").path("redeploy");
            JsonNode second = fixture.lifecycle("rd-roll-b").path("redeploy");
            if (first.path("state").asText().equals("deploying") && second.path("state").asText().equals("deploying")) {
                bothDeploying.set(true);
            }
            return first.path("id").asText().equals("rd-test-roll-1") && first.path("state").asText().equals("done")
                    && second.path("id").asText().equals("rd-test-roll-1")
                    && second.path("state").asText().equals("done");
        });
        assertThat(bothDeploying).isFalse();
        assertThat(RedeployFixture.version(portA)).isEqualTo("2.0");
        assertThat(RedeployFixture.version(portB)).isEqualTo("2.0");
        assertThat(fixture.lifecycle("rd-roll-b").path("colors").findValuesAsText("version")).contains("2.0");
        assertThat(b.stderr()).contains("waiting for the instances before this one");
        stop(a);
        stop(b);
    }

    /** A WebSocket to the proxy's {@code /ws}, answering one echo at a time. */
    private static final class Socket implements WebSocket.Listener {

        private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private WebSocket webSocket;

        static Socket open(int port) throws Exception {
            Socket socket = new Socket();
            socket.webSocket = RedeployFixture.HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), socket).get(30, TimeUnit.SECONDS);
            return socket;
        }

        String echo(String text) throws Exception {
            webSocket.sendText(text, true).get(10, TimeUnit.SECONDS);
            return received.poll(10, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            received.add(data.toString());
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(null);
        }
    }
}
