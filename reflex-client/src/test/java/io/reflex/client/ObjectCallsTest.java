package io.reflex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reflex.client.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The request shapes and answer handling of every object route, taken from the recorded exchanges. */
@Timeout(20)
class ObjectCallsTest {
  private static final String RECORDED_GET =
      "{\"extends\": [\"common.2\"], \"setenv\": {\"A\": \"1\"}, \"type\": \"parameter\", \"id\": 15,"
          + " \"name\": \"wire-ex\", \"updated_by\": \"100\", \"updated_at\": \"1795292449.0\"}";

  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeEngine engine = new FakeEngine();
  private ReflexClient client;

  @BeforeEach
  void connect() {
    server.setDispatcher(engine);
    client =
        ReflexClient.builder()
            .url(server.url("/api/v1").toString())
            .apikey(FakeEngine.APIKEY)
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .build();
  }

  private RecordedRequest only() {
    assertThat(engine.objectRequests()).hasSize(1);
    return engine.objectRequest(0);
  }

  @Test
  void listSendsPrefixAndColumnsAsTheEngineExpects() {
    engine.enqueue(
        FakeEngine.json(
            200, "[{\"id\": 15, \"name\": \"wire-ex\", \"updated_at\": 1795292449.5}, {\"id\": 16, \"name\": \"wire-ex-2\"}]"));

    List<ReflexObject> rows = client.list(ObjectType.CONFIG, "wire-ex", "name", "updated_at");

    RecordedRequest request = only();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/api/v1/config/?match=wire-ex&cols=name,updated_at");
    assertThat(rows).extracting(ReflexObject::name).containsExactly("wire-ex", "wire-ex-2");
    assertThat(rows.getFirst().updatedAt()).contains(Instant.ofEpochSecond(1795292449, 500_000_000));
  }

  @Test
  void aStreamedListHandsOverEachObjectInTheEnginesOrderAndSkipsWhatIsNotAnObject() {
    engine.enqueue(FakeEngine.json(200, "[{\"id\": 2, \"name\": \"b\"}, null, 7, {\"id\": 1, \"name\": \"a\"}]"));
    List<String> seen = new ArrayList<>();

    client.list(ListQuery.of(ObjectType.INSTANCE), object -> seen.add(object.name()));

    assertThat(seen).containsExactly("b", "a");
  }

  @Test
  void aListAnswerThatIsNotAnArrayOrIsCutShortIsAClearError() {
    engine.enqueue(FakeEngine.json(200, "{\"id\": 1, \"name\": \"a\"}"));
    engine.enqueue(FakeEngine.json(200, "[{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"na"));

    assertThatThrownBy(() -> client.list(ObjectType.CONFIG))
        .isInstanceOf(EngineErrorException.class)
        .hasMessage("Engine answered a list of config with JSON that is not an array");
    assertThatThrownBy(() -> client.list(ObjectType.CONFIG))
        .isInstanceOf(EngineErrorException.class)
        .hasMessage("Engine answered with malformed JSON to GET /api/v1/config/");
  }

  @Test
  void listWithoutFilterUsesTheBareCollectionPath() {
    engine.enqueue(FakeEngine.json(200, "[{\"id\": 1, \"name\": \"bct\"}]"));

    client.list(ObjectType.GROUP);

    assertThat(only().getTarget()).isEqualTo("/api/v1/group/");
  }

  @Test
  void emptyCollectionAnswered204IsAnEmptyList() {
    engine.enqueue(FakeEngine.noContent());

    assertThat(client.list(ObjectType.STATE, "wire-ex-none")).isEmpty();
    assertThat(only().getTarget()).isEqualTo("/api/v1/state/?match=wire-ex-none");
  }

  @Test
  void globSendsItsLiteralPrefixAndFiltersWholeNamesLocally() {
    engine.enqueue(
        FakeEngine.json(
            200,
            "[{\"id\": 1, \"name\": \"bct-a-db\"}, {\"id\": 2, \"name\": \"bct-b-web\"}, {\"id\": 3, \"name\": \"bct-C-db\"}]"));

    List<ReflexObject> rows = client.list(ObjectType.SERVICE, "bct-?-db");

    assertThat(only().getTarget()).isEqualTo("/api/v1/service/?match=bct-");
    assertThat(rows).extracting(ReflexObject::name).containsExactly("bct-a-db", "bct-C-db");
  }

  @Test
  void globWithColumnsAlsoAsksForTheNameItFiltersOn() {
    engine.enqueue(FakeEngine.noContent());

    client.list(ObjectType.CONFIG, "*-db", "updated_at");

    assertThat(only().getTarget()).isEqualTo("/api/v1/config/?cols=updated_at,name");
  }

  @Test
  void archiveListSendsTheTimeRange() {
    engine.enqueue(FakeEngine.json(200, "[{\"id\": 15, \"name\": \"wire-ex\"}, {\"id\": 15, \"name\": \"wire-ex\"}]"));

    List<ReflexObject> rows =
        client.list(
            ListQuery.of(ObjectType.CONFIG)
                .match("wire-ex")
                .archive(Instant.ofEpochSecond(1795292449), Instant.ofEpochSecond(1795292453)));

    assertThat(only().getTarget()).isEqualTo("/api/v1/config/?match=wire-ex&archive=1795292449~1795292453");
    assertThat(rows).hasSize(2);
  }

  @Test
  void archiveOfTypeWithoutQueryableArchiveIsRefusedBeforeSending() {
    assertThatThrownBy(() -> ListQuery.of(ObjectType.PIPELINE).archive(Instant.EPOCH, Instant.now()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Pipeline does not support archives");
  }

  @Test
  void getParsesTheRecordedObjectAndItsVersion() {
    engine.enqueue(FakeEngine.json(200, RECORDED_GET).newBuilder().setHeader("ETag", "\"7\"").build());

    ReflexObject config = client.get(ObjectType.CONFIG, "wire-ex");

    assertThat(only().getTarget()).isEqualTo("/api/v1/config/wire-ex");
    assertThat(config.id()).hasValue(15);
    assertThat(config.name()).isEqualTo("wire-ex");
    assertThat(config.updatedAt()).contains(Instant.ofEpochSecond(1795292449));
    assertThat(config.updatedBy()).contains("100");
    assertThat(config.version()).contains("7");
    assertThat(ConfigView.of(config).extendsConfigs()).containsExactly("common.2");
    assertThat(ConfigView.of(config).setenv()).containsEntry("A", "1");
  }

  @Test
  void targetIsOnePathSegmentEvenWithSpacesAndAccents() {
    engine.enqueue(FakeEngine.json(200, "{\"id\": 3, \"name\": \"café au lait\"}"));

    client.get(ObjectType.STATE, "café au lait");

    assertThat(only().getTarget()).isEqualTo("/api/v1/state/caf%C3%A9%20au%20lait");
  }

  @Test
  void archivedVersionIsFetchedByExactTimestamp() {
    engine.enqueue(FakeEngine.json(200, RECORDED_GET));

    ReflexObject old = client.getArchived(ObjectType.CONFIG, "wire-ex", Instant.ofEpochSecond(1795292449));

    assertThat(only().getTarget()).isEqualTo("/api/v1/config/wire-ex?archive=1795292449");
    assertThat(old.updatedAt()).contains(Instant.ofEpochSecond(1795292449));
  }

  @Test
  void missingObjectIsNotFoundWithTheEngineMessageAndIsNotRetried() {
    engine.enqueue(FakeEngine.json(404, "{\"status\": \"failed\", \"message\": \"Unable to load Config: wire-ex-none\"}"));

    assertThatThrownBy(() -> client.get(ObjectType.CONFIG, "wire-ex-none"))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.status()).hasValue(404);
              assertThat(e.engineMessage()).contains("Unable to load Config: wire-ex-none");
              assertThat(e.getMessage())
                  .isEqualTo("Unable to load Config: wire-ex-none (HTTP 404 on GET /api/v1/config/wire-ex-none)");
            });
    assertThat(engine.objectRequests()).hasSize(1);
  }

  @Test
  void findTurnsNotFoundIntoEmpty() {
    engine.enqueue(FakeEngine.json(404, "{\"status\": \"failed\", \"message\": \"Unable to load Config: x\"}"));

    assertThat(client.find(ObjectType.CONFIG, "x")).isEmpty();
  }

  @Test
  void createPostsTheBodyAndReportsWarnings() throws Exception {
    engine.enqueue(FakeEngine.json(201, "{\"status\": \"created\", \"warning\": \"Config:no-such-parent not found\"}"));
    ReflexObject body =
        ReflexObject.parse("{\"name\": \"wire-ex-2\", \"type\": \"parameter\", \"extends\": [\"no-such-parent\"]}");

    WriteResult result = client.create(ObjectType.CONFIG, body);

    RecordedRequest request = only();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/api/v1/config");
    assertThat(Json.MAPPER.readTree(request.getBody().utf8())).isEqualTo(body.json());
    assertThat(result.status()).isEqualTo(WriteStatus.CREATED);
    assertThat(result.warnings()).containsExactly("Config:no-such-parent not found");
  }

  @Test
  void duplicateNameOnCreateIsConflict() {
    engine.enqueue(FakeEngine.json(400, "{\"status\": \"failed\", \"message\": \"Config named `wire-ex` already exists\"}"));

    assertThatThrownBy(() -> client.create(ObjectType.CONFIG, ReflexObject.named("wire-ex")))
        .isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("Config named `wire-ex` already exists");
  }

  @Test
  void otherBadRequestIsValidation() {
    engine.enqueue(FakeEngine.json(400, "{\"status\": \"failed\", \"message\": \"Object validate: missing 'type'\"}"));

    assertThatThrownBy(() -> client.create(ObjectType.CONFIG, ReflexObject.named("x")))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Object validate: missing 'type'");
  }

  @Test
  void updatePutsToTheTargetAndNoChangeIsUnchangedNotAnError() {
    engine.enqueue(FakeEngine.json(201, "{\"status\": \"updated\"}"));
    engine.enqueue(FakeEngine.json(202, "{\"status\": \"failed\", \"message\": \"No changes were made\"}"));
    ReflexObject body = ReflexObject.parse("{\"type\": \"parameter\", \"setenv\": {\"A\": \"2\"}}");

    WriteResult first = client.update(ObjectType.CONFIG, "wire-ex", body);
    WriteResult second = client.update(ObjectType.CONFIG, "wire-ex", body);

    assertThat(engine.objectRequest(0).getMethod()).isEqualTo("PUT");
    assertThat(engine.objectRequest(0).getTarget()).isEqualTo("/api/v1/config/wire-ex");
    assertThat(engine.objectRequest(0).getHeaders().get("If-Match")).isNull();
    assertThat(first.status()).isEqualTo(WriteStatus.UPDATED);
    assertThat(second.status()).isEqualTo(WriteStatus.UNCHANGED);
    assertThat(second.changed()).isFalse();
  }

  @Test
  void mergeAddsTheMergeParameter() {
    engine.enqueue(FakeEngine.json(201, "{\"status\": \"updated\"}"));

    client.merge(ObjectType.CONFIG, "wire-ex", ReflexObject.parse("{\"setenv\": {\"B\": \"3\"}}"));

    assertThat(only().getTarget()).isEqualTo("/api/v1/config/wire-ex?merge=true");
    assertThat(only().getBody().utf8()).isEqualTo("{\"setenv\":{\"B\":\"3\"}}");
  }

  @Test
  void conditionalUpdateSendsIfMatchAndStaleVersionIsConflict() {
    engine.enqueue(FakeEngine.json(412, "{\"status\": \"failed\", \"message\": \"Version mismatch\"}"));

    assertThatThrownBy(() -> client.update(ObjectType.CONFIG, "wire-ex", ReflexObject.named("wire-ex"), "7"))
        .isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ReflexException) e).status()).hasValue(412));
    assertThat(engine.objectRequest(0).getHeaders().get("If-Match")).isEqualTo("\"7\"");
    assertThat(engine.objectRequests()).as("412 is not retried").hasSize(1);
  }

  @Test
  void deleteReportsDeleted() {
    engine.enqueue(FakeEngine.json(200, "{\"status\": \"deleted\"}"));

    WriteResult result = client.delete(ObjectType.CONFIG, "wire-ex");

    assertThat(only().getMethod()).isEqualTo("DELETE");
    assertThat(only().getTarget()).isEqualTo("/api/v1/config/wire-ex");
    assertThat(result.status()).isEqualTo(WriteStatus.DELETED);
  }

  @Test
  void instancePingPutsToThePingRouteAnd202IsSuccess() {
    engine.enqueue(FakeEngine.json(202, "{\"status\": \"failed\", \"message\": \"No changes were made\"}"));
    ReflexObject body =
        ReflexObject.parse(
            "{\"status\": \"ok\", \"service\": \"bct-tst\", \"name\": \"wire-ex-host\","
                + " \"address\": {\"internal-name\": \"host\", \"ip0\": \"192.0.2.10\"}}");

    WriteResult result = client.pingInstance("wire-ex-host", body);

    assertThat(only().getMethod()).isEqualTo("PUT");
    assertThat(only().getTarget()).isEqualTo("/api/v1/instance-ping/wire-ex-host");
    assertThat(only().getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(result.status()).isEqualTo(WriteStatus.UNCHANGED);
  }

  @Test
  void policyDenialIsForbidden() {
    engine.enqueue(FakeEngine.json(403, "{\"status\": \"failed\", \"message\": \"Forbidden\"}"));

    assertThatThrownBy(() -> client.list(ObjectType.SERVICE))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("Forbidden (HTTP 403 on GET /api/v1/service/)");
  }

  @Test
  void unknownRouteWithEmptyBodyIsNotFound() {
    engine.enqueue(new MockResponse.Builder().code(404).build());

    assertThatThrownBy(() -> client.list(ObjectType.BUILD))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("Endpoint or object not found");
  }

  @Test
  void htmlSuccessIsAnEngineErrorThatSaysSo() {
    engine.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "text/html;charset=utf-8")
            .body("<html>proxy login</html>")
            .build());

    assertThatThrownBy(() -> client.get(ObjectType.CONFIG, "bct"))
        .isInstanceOf(EngineErrorException.class)
        .hasMessageStartingWith("Engine answered with non-JSON content (text/html)");
  }

  @Test
  void frameworkHtmlErrorPagesKeepTheirStatusKind() {
    engine.enqueue(
        new MockResponse.Builder()
            .code(415)
            .setHeader("Content-Type", "text/html;charset=utf-8")
            .body("<h2>415 Unsupported Media Type</h2>")
            .build());
    engine.enqueue(
        new MockResponse.Builder()
            .code(500)
            .setHeader("Content-Type", "text/html;charset=utf-8")
            .body("<h2>500 Internal Server Error</h2>")
            .build());

    assertThatThrownBy(() -> client.create(ObjectType.STATE, ReflexObject.named("x")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("non-JSON answer (text/html)")
        .hasMessageContaining("HTTP 415");
    assertThatThrownBy(() -> client.create(ObjectType.STATE, ReflexObject.named("x")))
        .isInstanceOf(EngineErrorException.class)
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void oversizedBodyIsValidation() {
    engine.enqueue(FakeEngine.json(413, "{\"status\": \"failed\", \"message\": \"Request body too large\"}"));

    assertThatThrownBy(() -> client.update(ObjectType.STATE, "x", ReflexObject.named("x")))
        .isInstanceOf(ValidationException.class);
  }
}
