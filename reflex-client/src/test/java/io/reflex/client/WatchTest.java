package io.reflex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class WatchTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeEngine engine = new FakeEngine();
  private final List<WatchEvent> events = new CopyOnWriteArrayList<>();
  private final List<ReflexException> failures = new CopyOnWriteArrayList<>();
  private final List<Boolean> retrying = new CopyOnWriteArrayList<>();
  private final WatchListener listener =
      new WatchListener() {
        @Override
        public void onEvent(WatchEvent event) {
          events.add(event);
        }

        @Override
        public void onFailure(ReflexException failure, boolean willRetry) {
          failures.add(failure);
          retrying.add(willRetry);
        }
      };
  private ReflexClient client;
  private WatchSubscription subscription;

  @BeforeEach
  void connect() {
    server.setDispatcher(engine);
    engine.fallback(request -> FakeEngine.json(503, "{\"status\": \"failed\", \"message\": \"Failure\"}"));
    client =
        ReflexClient.builder()
            .url(server.url("/api/v1").toString())
            .apikey(FakeEngine.APIKEY)
            .retries(0)
            .build();
  }

  @AfterEach
  void stop() {
    if (subscription != null) {
      subscription.close();
    }
  }

  private static WatchRequest fast() {
    return WatchRequest.all()
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(50))
        .pollInterval(Duration.ofMillis(50));
  }

  private static MockResponse stream(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("Cache-Control", "no-cache")
        .body(body)
        .build();
  }

  private static String change(long seq, String type, long id, String name, String action) {
    return change(seq, type, id, name, action, "");
  }

  /** A change event whose data ends with {@code extra}, for example {@code ,"object":{...}}. */
  private static String change(long seq, String type, long id, String name, String action, String extra) {
    return "id: "
        + seq
        + "\nevent: change\ndata: {\"seq\":"
        + seq
        + ",\"type\":\""
        + type
        + "\",\"id\":"
        + id
        + ",\"name\":\""
        + name
        + "\",\"action\":\""
        + action
        + "\",\"at\":1795292449.123,\"by\":\"100\""
        + extra
        + "}\n\n";
  }

  @Test
  void deliversChangeEventsAndIgnoresKeepalives() {
    engine.enqueue(
        stream(": keepalive\n\n" + change(41, "config", 15, "wire-ex", "create") + ": keepalive\n\n"
            + change(42, "service", 2, "bct-tst", "ping")));

    subscription = client.watch(fast().types(ObjectType.SERVICE, ObjectType.CONFIG).match("wire-*"), listener);

    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
    assertThat(events.getFirst())
        .isEqualTo(
            new WatchEvent(
                41, ObjectType.CONFIG, 15, "wire-ex", WatchAction.CREATE,
                Instant.ofEpochSecond(1795292449, 123_000_000), "100"));
    assertThat(events.get(1).action()).isEqualTo(WatchAction.PING);
    RecordedRequest opened = engine.objectRequest(0);
    assertThat(opened.getTarget()).isEqualTo("/api/v1/watch?types=service,config&match=wire-*");
    assertThat(opened.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    assertThat(opened.getHeaders().get("Cookie")).isEqualTo("sid=" + FakeEngine.sid(1));
    assertThat(opened.getHeaders().get("X-ApiToken")).isNotBlank();
    assertThat(opened.getHeaders().get("Last-Event-ID")).isNull();
  }

  @Test
  void asksForObjectsAndExposesTheOnesTheEngineSent() {
    String object =
        "{\"service\":\"shop\",\"lifecycle\":{\"state\":\"ready\"},\"id\":15,\"name\":\"web-1\","
            + "\"updated_by\":\"100\",\"updated_at\":\"1795292449.0\"}";
    engine.enqueue(
        stream(change(41, "instance", 15, "web-1", "ping", ",\"object\":" + object)
            + change(42, "instance", 15, "web-1", "delete")
            + change(43, "instance", 16, "web-2", "update", ",\"object\":null")));

    subscription = client.watch(fast().types(ObjectType.INSTANCE).objects(true), listener);

    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 3);
    assertThat(events.getFirst().object()).contains(ReflexObject.parse(object));
    assertThat(events.getFirst().object().orElseThrow().version()).isEmpty();
    assertThat(events.subList(1, 3)).allSatisfy(event -> assertThat(event.object()).isEmpty());
    assertThat(engine.objectRequest(0).getTarget()).isEqualTo("/api/v1/watch?types=instance&objects=true");
  }

  @Test
  void reconnectsAfterTheStreamEndsAndResumesWithLastEventId() {
    engine.enqueue(stream(change(41, "config", 15, "a", "update") + change(42, "config", 15, "a", "update")));
    engine.enqueue(FakeEngine.json(503, "{\"status\": \"failed\", \"message\": \"Failure\"}"));
    engine.enqueue(stream(change(43, "config", 16, "b", "delete")));

    subscription = client.watch(fast(), listener);

    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 3);
    assertThat(events).extracting(WatchEvent::seq).containsExactly(41L, 42L, 43L);
    assertThat(engine.objectRequest(1).getHeaders().get("Last-Event-ID")).isEqualTo("42");
    assertThat(engine.objectRequest(2).getHeaders().get("Last-Event-ID")).isEqualTo("42");
    assertThat(failures).first().isInstanceOf(EngineErrorException.class);
    assertThat(retrying).first().isEqualTo(true);
    assertThat(subscription.lastSeq()).isEqualTo(43);
  }

  @Test
  void firstConnectionAsksForReplaySinceTheGivenSequence() {
    engine.enqueue(stream(change(41, "config", 15, "a", "update")));

    subscription = client.watch(fast().since(40), listener);

    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
    assertThat(engine.objectRequest(0).getTarget()).isEqualTo("/api/v1/watch?since=40");
    assertThat(engine.objectRequest(0).getHeaders().get("Last-Event-ID")).isNull();
  }

  @Test
  void signsInAgainWhenTheStreamIsRefusedWith401() {
    engine.enqueue(FakeEngine.json(401, "{\"status\": \"failed\", \"message\": \"Unauthorized\"}"));
    engine.enqueue(stream(change(7, "state", 1, "s", "create")));

    subscription = client.watch(fast(), listener);

    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
    assertThat(engine.signIns()).isEqualTo(2);
    assertThat(engine.objectRequest(1).getHeaders().get("Cookie")).isEqualTo("sid=" + FakeEngine.sid(2));
    assertThat(failures).noneMatch(AuthenticationException.class::isInstance);
  }

  @Test
  void answerThatIsNoEventStreamIsReportedAndRetried() {
    engine.enqueue(FakeEngine.json(200, "{\"status\": \"success\"}"));
    engine.enqueue(stream(change(5, "config", 1, "a", "update")));

    subscription = client.watch(fast(), listener);

    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
    assertThat(failures.getFirst())
        .isInstanceOf(EngineErrorException.class)
        .hasMessage("Engine answered the watch with application/json instead of an event stream (GET /api/v1/watch)");
    assertThat(retrying.getFirst()).isTrue();
  }

  @Test
  void deniedWatchStopsForGood() {
    engine.enqueue(FakeEngine.json(403, "{\"status\": \"failed\", \"message\": \"Forbidden\"}"));

    subscription = client.watch(fast(), listener);

    await().atMost(Duration.ofSeconds(5)).until(() -> subscription.closed());
    assertThat(failures).singleElement().isInstanceOf(ForbiddenException.class);
    assertThat(retrying).containsExactly(false);
    assertThat(engine.objectRequests()).hasSize(1);
  }

  @Test
  void pollsAndSynthesizesChangesWhenTheEngineHasNoFeed() {
    engine.enqueue(new MockResponse.Builder().code(404).build());
    engine.enqueue(
        FakeEngine.json(
            200,
            "[{\"id\": 1, \"name\": \"a\", \"updated_at\": 100.0}, {\"id\": 2, \"name\": \"b\", \"updated_at\": 100.0}]"));
    engine.enqueue(
        FakeEngine.json(
            200,
            "[{\"id\": 1, \"name\": \"a\", \"updated_at\": 160.0}, {\"id\": 3, \"name\": \"c\", \"updated_at\": 150.0}]"));
    engine.fallback(request -> FakeEngine.noContent());

    subscription = client.watch(fast().types(ObjectType.CONFIG).objects(true), listener);

    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 5);
    assertThat(subscription.polling()).isTrue();
    assertThat(events).allSatisfy(event -> assertThat(event.object()).isEmpty());
    assertThat(events.subList(0, 3))
        .extracting(WatchEvent::action, WatchEvent::name, WatchEvent::seq)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WatchAction.UPDATE, "a", 0L),
            org.assertj.core.groups.Tuple.tuple(WatchAction.CREATE, "c", 0L),
            org.assertj.core.groups.Tuple.tuple(WatchAction.DELETE, "b", 0L));
    assertThat(events.getFirst().at()).isEqualTo(Instant.ofEpochSecond(160));
    assertThat(events.subList(3, 5))
        .extracting(WatchEvent::action)
        .containsExactly(WatchAction.DELETE, WatchAction.DELETE);
    assertThat(engine.objectRequest(1).getTarget()).isEqualTo("/api/v1/config/?cols=name,updated_at");
  }

  @Test
  void closeStopsDeliveryAndReconnection() throws InterruptedException {
    engine.enqueue(stream(change(1, "config", 1, "a", "create")));

    subscription = client.watch(fast(), listener);
    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
    subscription.close();
    int requestsAtClose = engine.objectRequests().size();
    Thread.sleep(200);

    assertThat(subscription.closed()).isTrue();
    assertThat(engine.objectRequests().size()).isLessThanOrEqualTo(requestsAtClose + 1);
    assertThat(events).hasSize(1);
  }
}
