package io.reflex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Faults a real engine cannot produce on demand: 503 bursts, resets, stalls and bodies cut short. */
@Timeout(20)
class TransportFailureTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeEngine engine = new FakeEngine();

  @BeforeEach
  void route() {
    server.setDispatcher(engine);
  }

  private ReflexClient.Builder client() {
    return FakeEngine.clientOf(server);
  }

  private static MockResponse unavailable() {
    return FakeEngine.json(503, "{\"status\": \"failed\", \"message\": \"Failure\"}");
  }

  private static MockResponse reset() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  @Test
  void idempotentCallIsRetriedAfter503() {
    engine.enqueue(unavailable()).enqueue(unavailable()).enqueue(FakeEngine.json(200, "[{\"id\": 1, \"name\": \"a\"}]"));

    assertThat(client().retries(3).build().list(ObjectType.CONFIG)).hasSize(1);
    assertThat(engine.objectRequests()).hasSize(3);
  }

  @Test
  void putAndDeleteAreRetriedLikeGet() {
    engine.enqueue(FakeEngine.json(502, "{}")).enqueue(FakeEngine.json(201, "{\"status\": \"updated\"}"));
    engine.enqueue(FakeEngine.json(504, "{}")).enqueue(FakeEngine.json(200, "{\"status\": \"deleted\"}"));
    ReflexClient client = client().build();

    assertThat(client.update(ObjectType.STATE, "s", ReflexObject.named("s")).status()).isEqualTo(WriteStatus.UPDATED);
    assertThat(client.delete(ObjectType.STATE, "s").status()).isEqualTo(WriteStatus.DELETED);
    assertThat(engine.objectRequests()).extracting(r -> r.getMethod()).containsExactly("PUT", "PUT", "DELETE", "DELETE");
  }

  @Test
  void retriesStopAfterTheConfiguredCount() {
    for (int i = 0; i < 5; i++) {
      engine.enqueue(unavailable());
    }

    assertThatThrownBy(() -> client().retries(2).build().list(ObjectType.CONFIG))
        .isInstanceOf(EngineErrorException.class)
        .hasMessage("Failure (HTTP 503 on GET /api/v1/config/)");
    assertThat(engine.objectRequests()).hasSize(3);
  }

  @Test
  void postIsNeverRetriedOn503() {
    engine.enqueue(unavailable()).enqueue(FakeEngine.json(201, "{\"status\": \"created\"}"));

    assertThatThrownBy(() -> client().retries(3).build().create(ObjectType.STATE, ReflexObject.named("s")))
        .isInstanceOf(EngineErrorException.class);
    assertThat(engine.objectRequests()).hasSize(1);
  }

  @Test
  void notFoundIsNeverRetried() {
    engine.enqueue(FakeEngine.json(404, "{\"status\": \"failed\", \"message\": \"Unable to load Config: c\"}"));
    engine.enqueue(FakeEngine.json(200, "{\"id\": 1, \"name\": \"c\"}"));

    assertThatThrownBy(() -> client().retries(5).build().get(ObjectType.CONFIG, "c"))
        .isInstanceOf(NotFoundException.class);
    assertThat(engine.objectRequests()).hasSize(1);
  }

  @Test
  void getIsRetriedAfterTheConnectionIsReset() {
    engine.enqueue(reset()).enqueue(FakeEngine.json(200, "{\"id\": 1, \"name\": \"c\"}"));

    assertThat(client().retries(2).build().get(ObjectType.CONFIG, "c").name()).isEqualTo("c");
    assertThat(engine.objectRequests()).hasSize(2);
  }

  @Test
  void postIsNotRetriedAfterTheConnectionIsReset() {
    engine.enqueue(reset()).enqueue(FakeEngine.json(201, "{\"status\": \"created\"}"));

    assertThatThrownBy(() -> client().retries(3).build().create(ObjectType.STATE, ReflexObject.named("s")))
        .isInstanceOf(EngineUnreachableException.class)
        .hasMessageStartingWith("Cannot reach the engine at " + server.url("/api/v1"));
    assertThat(engine.objectRequests()).hasSize(1);
  }

  @Test
  void bodyCutShortIsUnreachableNotAParseError() {
    engine.enqueue(
        FakeEngine.json(200, "[{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"name\": \"b\"}]".repeat(50))
            .newBuilder()
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());

    assertThatThrownBy(() -> client().retries(0).build().list(ObjectType.CONFIG))
        .isInstanceOf(EngineUnreachableException.class)
        .hasMessageContaining("the answer was cut short")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void stalledAnswerHitsTheReadTimeout() {
    engine.enqueue(FakeEngine.json(200, "[]").newBuilder().headersDelay(10, TimeUnit.SECONDS).build());

    long start = System.nanoTime();
    assertThatThrownBy(() -> client().retries(0).readTimeout(Duration.ofMillis(300)).build().list(ObjectType.CONFIG))
        .isInstanceOf(EngineUnreachableException.class)
        .hasMessageContaining("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void callTimeoutBoundsTheWholeExchange() {
    engine.enqueue(FakeEngine.json(200, "[]").newBuilder().headersDelay(10, TimeUnit.SECONDS).build());

    assertThatThrownBy(
            () ->
                client()
                    .retries(0)
                    .readTimeout(Duration.ofSeconds(5))
                    .callTimeout(Duration.ofMillis(400))
                    .build()
                    .list(ObjectType.CONFIG))
        .isInstanceOf(EngineUnreachableException.class)
        .hasMessageContaining("the call timed out");
  }

  @Test
  void refusedConnectionIsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ReflexClient client =
        ReflexClient.builder()
            .url("http://127.0.0.1:" + port + "/api/v1")
            .apikey(FakeEngine.APIKEY)
            .retries(1)
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2))
            .build();

    assertThatThrownBy(() -> client.list(ObjectType.CONFIG))
        .isInstanceOf(EngineUnreachableException.class)
        .hasMessage("Cannot reach the engine at http://127.0.0.1:" + port + "/api/v1: connection refused");
  }
}
