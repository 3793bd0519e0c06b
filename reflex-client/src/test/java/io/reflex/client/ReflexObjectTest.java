package io.reflex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReflexObjectTest {
  private static final String WITH_EXTRAS =
      "{\"zeta\":{\"b\":1,\"a\":[3,2,1]},\"type\":\"parameter\",\"Title\":\"Bat'leth\",\"id\":15,"
          + "\"name\":\"wire-ex\",\"stage\":null,\"big\":12345678901234567890,\"ratio\":0.1000,"
          + "\"updated_by\":\"100\",\"updated_at\":\"1795292449.0\",\"alpha\":\"last\"}";

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  @Timeout(20)
  void unknownFieldsSurviveAGetAndPutRoundTripUnchangedAndInOrder() {
    FakeEngine engine = new FakeEngine();
    server.setDispatcher(engine);
    engine.enqueue(FakeEngine.json(200, WITH_EXTRAS)).enqueue(FakeEngine.json(201, "{\"status\": \"updated\"}"));
    ReflexClient client =
        ReflexClient.builder()
            .url(server.url("/api/v1").toString())
            .apikey(FakeEngine.APIKEY)
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2))
            .build();

    ReflexObject read = client.get(ObjectType.CONFIG, "wire-ex");
    client.update(ObjectType.CONFIG, "wire-ex", read);

    assertThat(engine.objectRequest(1).getBody().utf8()).isEqualTo(WITH_EXTRAS);
  }

  @Test
  void withReplacesInPlaceAndAppendsNewFields() {
    ReflexObject original = ReflexObject.parse("{\"name\":\"a\",\"x\":1,\"y\":2}");

    ReflexObject changed = original.with("x", List.of("v")).with("z", Map.of("k", true));

    assertThat(changed.toJson()).isEqualTo("{\"name\":\"a\",\"x\":[\"v\"],\"y\":2,\"z\":{\"k\":true}}");
    assertThat(original.toJson()).as("the original is untouched").isEqualTo("{\"name\":\"a\",\"x\":1,\"y\":2}");
    assertThat(changed.without("y").toJson()).isEqualTo("{\"name\":\"a\",\"x\":[\"v\"],\"z\":{\"k\":true}}");
  }

  @Test
  void jsonAccessorHandsOutACopy() {
    ReflexObject object = ReflexObject.parse("{\"name\":\"a\"}");

    object.json().put("name", "changed");

    assertThat(object.name()).isEqualTo("a");
  }

  @Test
  void updatedAtReadsTheStringOfAGetAndTheNumberOfAList() {
    ReflexObject fromGet = ReflexObject.parse("{\"updated_at\": \"1533264743.0\"}");
    ReflexObject fromList = ReflexObject.parse("{\"updated_at\": 1533264743.25}");

    assertThat(fromGet.updatedAt()).contains(Instant.ofEpochSecond(1533264743));
    assertThat(fromList.updatedAt()).contains(Instant.ofEpochSecond(1533264743, 250_000_000));
    assertThat(ReflexObject.parse("{\"updated_at\": \"soon\"}").updatedAt()).isEmpty();
  }

  @Test
  void missingCommonFieldsAreEmptyNotNull() {
    ReflexObject bare = ReflexObject.parse("{}");

    assertThat(bare.id()).isEmpty();
    assertThat(bare.name()).isEmpty();
    assertThat(bare.updatedAt()).isEmpty();
    assertThat(bare.updatedBy()).isEmpty();
    assertThat(bare.version()).isEmpty();
  }

  @Test
  void parseRefusesAnythingButAnObject() {
    assertThatThrownBy(() -> ReflexObject.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReflexObject.parse("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringNeverShowsFieldValues() {
    ReflexObject config =
        ReflexObject.parse("{\"id\": 3, \"name\": \"db\", \"sensitive\": {\"parameters\": {\"PW\": \"hunter2\"}}}");

    assertThat(config.toString()).isEqualTo("ReflexObject[db.3]");
    assertThat(ConfigView.of(config).sensitive().orElseThrow().toString()).doesNotContain("hunter2");
    assertThat(ConfigView.of(config).toString()).doesNotContain("hunter2");
  }

  @Test
  void sensitiveViewRecognisesTheEnginePlaceholder() {
    ReflexObject redacted = ReflexObject.parse("{\"name\": \"db\", \"sensitive\": {\"encrypted\": \"values\"}}");
    ReflexObject clear = ReflexObject.parse("{\"name\": \"db\", \"sensitive\": {\"parameters\": {\"PW\": \"x\"}}}");

    assertThat(ConfigView.of(redacted).sensitive().orElseThrow().redacted()).isTrue();
    assertThat(ConfigView.of(clear).sensitive().orElseThrow().redacted()).isFalse();
    assertThat(ConfigView.of(clear).sensitive().orElseThrow().reveal().at("/parameters/PW").asText()).isEqualTo("x");
  }

  @Test
  void serviceViewReadsItsSoftReferences() {
    ServiceView service =
        ServiceView.of(ReflexObject.parse("{\"name\": \"bct-tst\", \"pipeline\": \"bct.1\", \"config\": \"x.notfound\"}"));

    assertThat(service.pipeline()).contains("bct.1");
    assertThat(service.config().map(ServiceView::referencedName)).contains("x");
    assertThat(service.region()).isEmpty();
  }

  @Test
  void objectTypesKnowTheirTableNamesAndArchives() {
    assertThat(ObjectType.GROUP.tableName()).isEqualTo("Grp");
    assertThat(ObjectType.parse("Grp")).isEqualTo(ObjectType.GROUP);
    assertThat(ObjectType.parse("policyscope")).isEqualTo(ObjectType.POLICYSCOPE);
    assertThat(ObjectType.values())
        .filteredOn(ObjectType::archiveQueryable)
        .containsExactly(ObjectType.SERVICE, ObjectType.CONFIG, ObjectType.POLICY, ObjectType.POLICYSCOPE);
    assertThatThrownBy(() -> ObjectType.parse("release"))
        .hasMessageStartingWith("Unknown object type 'release'; expected one of pipeline, service");
  }
}
