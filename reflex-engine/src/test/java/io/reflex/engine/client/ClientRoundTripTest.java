package io.reflex.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.AuthenticationException;
import io.reflex.client.ConflictException;
import io.reflex.client.ListQuery;
import io.reflex.client.NotFoundException;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.client.WatchAction;
import io.reflex.client.WatchEvent;
import io.reflex.client.WatchRequest;
import io.reflex.client.WatchSubscription;
import io.reflex.client.WriteResult;
import io.reflex.client.WriteStatus;
import io.reflex.engine.Engine;
import io.reflex.engine.EngineSettings;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SDK against a real engine: the contract both sides claim, checked end to end. */
@Timeout(60)
class ClientRoundTripTest {
    @TempDir
    static Path dir;
    static RunningEngine engine;
    static ReflexClient client;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = RunningEngine.start(TestDatabase.SQLITE, dir.resolve("engine"));
        client = ReflexClient.create(engine.url(), engine.masterKey());
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void signsInWithTheMasterKeyAndRefusesAWrongSecret() {
        assertThat(client.list(ObjectType.APIKEY)).extracting(ReflexObject::name).contains("master");

        ReflexClient wrong = ReflexClient.builder().url(engine.url()).apikey("master.d3Jvbmc=").retries(0).build();

        assertThatThrownBy(() -> wrong.list(ObjectType.STATE)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void createGetListUpdateMergeDeleteRoundTrip() {
        WriteResult created = client.create(ObjectType.STATE, ReflexObject.parse("{\"name\": \"rt-lamp\", \"on\": false}"));
        ReflexObject read = client.get(ObjectType.STATE, "rt-lamp");
        WriteResult updated = client.update(ObjectType.STATE, "rt-lamp", read.with("on", true));
        WriteResult merged = client.merge(ObjectType.STATE, "rt-lamp", ReflexObject.parse("{\"watts\": 40}"));
        ReflexObject after = client.get(ObjectType.STATE, "rt-lamp");
        List<ReflexObject> listed = client.list(ObjectType.STATE, "rt-", "on", "watts");
        WriteResult deleted = client.delete(ObjectType.STATE, "rt-lamp");

        assertThat(created.status()).isEqualTo(WriteStatus.CREATED);
        assertThat(read.id()).isPresent();
        assertThat(updated.changed()).isTrue();
        assertThat(merged.changed()).isTrue();
        assertThat(after.json().path("on").asBoolean()).isTrue();
        assertThat(after.json().path("watts").asInt()).isEqualTo(40);
        assertThat(listed).singleElement().satisfies(row -> assertThat(row.json().path("watts").asInt()).isEqualTo(40));
        assertThat(deleted.status()).isEqualTo(WriteStatus.DELETED);
        assertThat(client.find(ObjectType.STATE, "rt-lamp")).isEmpty();
        assertThatThrownBy(() -> client.get(ObjectType.STATE, "rt-lamp")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void archivesListAndServeEarlierVersions() throws Exception {
        Instant start = Instant.now().minusSeconds(2);
        client.create(ObjectType.CONFIG, ReflexObject.parse("{\"name\": \"rt-arch\", \"type\": \"parameter\", \"v\": 1}"));
        Instant first = client.get(ObjectType.CONFIG, "rt-arch").updatedAt().orElseThrow();
        Thread.sleep(1100);
        client.merge(ObjectType.CONFIG, "rt-arch", ReflexObject.parse("{\"v\": 2}"));

        List<ReflexObject> versions =
                client.list(ListQuery.of(ObjectType.CONFIG).match("rt-arch").archive(start, Instant.now().plusSeconds(2)));
        ReflexObject old = client.getArchived(ObjectType.CONFIG, "rt-arch", first);

        assertThat(versions).isNotEmpty();
        assertThat(old.json().path("v").asInt()).isEqualTo(1);
        assertThat(client.get(ObjectType.CONFIG, "rt-arch").json().path("v").asInt()).isEqualTo(2);
    }

    @Test
    void instancePingThatChangesNothingIsASuccess() {
        ReflexObject ping = ReflexObject.parse(
                "{\"service\": \"none\", \"status\": \"ok\", \"address\": {\"host\": \"h1\", \"port\": 80}}");

        WriteResult first = client.pingInstance("rt-inst", ping);
        WriteResult second = client.pingInstance("rt-inst", ping);

        assertThat(first.changed()).isTrue();
        assertThat(second.status()).isEqualTo(WriteStatus.UNCHANGED);
        assertThat(second.httpStatus()).isEqualTo(202);
        assertThat(client.get(ObjectType.INSTANCE, "rt-inst").json().path("address").path("host").asText()).isEqualTo("h1");
    }

    /**
     * Expires the client's session in the database while the engine is down, so the restarted engine (with an
     * empty session cache) answers 401 and the client must sign in again by itself.
     */
    @Test
    void signsInAgainAfterItsSessionExpired() throws Exception {
        Path data = dir.resolve("restart");
        TestDatabase.Instance database = TestDatabase.SQLITE.create(data);
        EngineSettings.Builder settings = EngineSettings.embedded(data)
                .database(database.url(), database.user(), Optional.empty())
                .missingKeyDelay(Duration.ofMillis(200));
        try {
            Engine first = Engine.start(settings.listen("127.0.0.1", 0).build());
            int port = first.port();
            ReflexClient signedIn = ReflexClient.create(first.url(), first.createdMasterKey().orElseThrow());
            signedIn.list(ObjectType.STATE);
            first.close();
            assertThat(update(database.url(), "UPDATE reflex_session SET expires_ms = 0")).isPositive();

            try (Engine second = Engine.start(settings.listen("127.0.0.1", port).build())) {
                assertThat(signedIn.list(ObjectType.APIKEY)).extracting(ReflexObject::name).contains("master");
                assertThat(update(database.url(), "DELETE FROM reflex_session WHERE expires_ms > 0"))
                        .as("the session opened after the 401").isEqualTo(1);
            }
        } finally {
            database.drop().run();
        }
    }

    private static int update(String jdbcUrl, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl);
                Statement statement = db.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    @Test
    void conditionalUpdateWithAStaleVersionIsAConflict() {
        client.create(ObjectType.STATE, ReflexObject.parse("{\"name\": \"rt-cond\", \"n\": 1}"));
        ReflexObject mine = client.get(ObjectType.STATE, "rt-cond");
        client.update(ObjectType.STATE, "rt-cond", mine.with("n", 2));

        assertThat(mine.version()).isPresent();
        assertThatThrownBy(() -> client.update(ObjectType.STATE, "rt-cond", mine.with("n", 3), mine.version().get()))
                .isInstanceOf(ConflictException.class);
        assertThat(client.get(ObjectType.STATE, "rt-cond").json().path("n").asInt()).isEqualTo(2);
    }

    @Test
    void watchDeliversChangesAndResumesAfterTheLastSeenEvent() {
        List<WatchEvent> events = new CopyOnWriteArrayList<>();
        long resumeFrom;
        try (WatchSubscription watch = client.watch(WatchRequest.all().types(ObjectType.STATE).match("rt-w*"), events::add)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !watch.polling());
            client.create(ObjectType.STATE, ReflexObject.named("rt-w1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e.name().equals("rt-w1")));
            resumeFrom = watch.lastSeq();
        }
        client.create(ObjectType.STATE, ReflexObject.named("rt-w2"));
        client.delete(ObjectType.STATE, "rt-w1");

        List<WatchEvent> resumed = new CopyOnWriteArrayList<>();
        try (WatchSubscription watch =
                client.watch(WatchRequest.all().types(ObjectType.STATE).match("rt-w*").since(resumeFrom), resumed::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.size() >= 2);
        }

        assertThat(events).filteredOn(e -> e.name().equals("rt-w1")).first().extracting(WatchEvent::action).isEqualTo(WatchAction.CREATE);
        assertThat(resumed).extracting(WatchEvent::name, WatchEvent::action)
                .startsWith(org.assertj.core.groups.Tuple.tuple("rt-w2", WatchAction.CREATE),
                        org.assertj.core.groups.Tuple.tuple("rt-w1", WatchAction.DELETE));
        assertThat(resumed).allMatch(e -> e.seq() > resumeFrom);
        assertThat(events).allMatch(e -> e.object().isEmpty());
    }

    @Test
    void watchWithObjectsCarriesEachChangedInstanceAsGetReturnsIt() {
        List<WatchEvent> events = new CopyOnWriteArrayList<>();
        WatchRequest request = WatchRequest.all().types(ObjectType.INSTANCE).match("rt-obj*").objects(true);
        try (WatchSubscription watch = client.watch(request, events::add)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !watch.polling());
            client.pingInstance("rt-obj1", ReflexObject.parse("{\"service\": \"shop\", \"lifecycle\": {\"state\": \"starting\"}}"));
            client.pingInstance("rt-obj1", ReflexObject.parse("{\"service\": \"shop\", \"lifecycle\": {\"state\": \"ready\"}}"));
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e.object()
                    .flatMap(o -> o.field("lifecycle")).map(l -> l.path("state").asText()).orElse("").equals("ready")));
            ReflexObject carried = events.getLast().object().orElseThrow();
            assertThat(carried).isEqualTo(client.get(ObjectType.INSTANCE, "rt-obj1"));
            assertThat(carried.id()).hasValue(events.getLast().id());

            client.delete(ObjectType.INSTANCE, "rt-obj1");
            await().atMost(Duration.ofSeconds(10)).until(() -> events.getLast().action() == WatchAction.DELETE);
        }
        assertThat(events.getLast().object()).isEmpty();
    }

    @Test
    void unknownFieldsRoundTripUnchangedAndInOrder() {
        String body = "{\"name\": \"rt-extra\", \"zeta\": {\"nested\": [1, {\"x\": null}, \"s\"]}, \"alpha\": 1.5, \"flag\": true}";
        client.create(ObjectType.STATE, ReflexObject.parse(body));

        ReflexObject read = client.get(ObjectType.STATE, "rt-extra");
        client.update(ObjectType.STATE, "rt-extra", read);
        ObjectNode again = client.get(ObjectType.STATE, "rt-extra").json();

        ObjectNode expected = ReflexObject.parse(body).json();
        for (String field : List.of("zeta", "alpha", "flag")) {
            assertThat(again.get(field)).as(field).isEqualTo(expected.get(field));
        }
        List<String> order = new java.util.ArrayList<>();
        again.fieldNames().forEachRemaining(order::add);
        assertThat(order).containsSubsequence("zeta", "alpha", "flag");
    }
}
