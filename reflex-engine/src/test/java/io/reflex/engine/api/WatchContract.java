package io.reflex.engine.api;

import static io.reflex.engine.api.EngineFixture.assertFailed;
import static io.reflex.engine.api.EngineFixture.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.engine.testing.WatchStream;
import io.reflex.engine.testing.WireClient;
import io.reflex.engine.testing.WireClient.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The change feed extension: Server-Sent Events, resumable, filtered by type, name and the caller's read rights. */
interface WatchContract extends EngineFixture {

    private BlockingQueue<JsonNode> watch(Session session, String query, Map<String, String> extra)
            throws InterruptedException {
        return WatchStream.open(engine().url(), session, query, extra);
    }

    private static List<JsonNode> take(BlockingQueue<JsonNode> events, int count) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        while (out.size() < count) {
            JsonNode event = events.poll(15, TimeUnit.SECONDS);
            assertThat(event).as("event %d of %d (got %s)", out.size() + 1, count, out).isNotNull();
            out.add(event);
        }
        return out;
    }

    @Test
    default void watchersSeeCreateUpdateDeleteInOrderAndCanResume() throws Exception {
        String name = unique("watched");
        BlockingQueue<JsonNode> events = watch(master(), "?types=state&match=" + name + "*", Map.of());
        assertStatus(post("/state", "{\"name\": \"" + name + "\"}"), 201);
        assertStatus(post("/config", "{\"name\": \"" + name + "\", \"type\": \"parameter\"}"), 201);
        assertStatus(put("/state/" + name + "?merge=true", "{\"x\": 1}"), 201);
        assertStatus(delete("/state/" + name), 200);
        List<JsonNode> seen = take(events, 3);
        assertThat(seen).extracting(e -> e.get("action").asText()).containsExactly("create", "update", "delete");
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("state");
            assertThat(e.get("name").asText()).isEqualTo(name);
        });
        assertThat(seen).allSatisfy(e -> assertThat(e.fieldNames()).toIterable()
                .containsExactly("seq", "type", "id", "name", "action", "by", "at"));
        assertThat(seen.get(0).get("seq").asLong()).isLessThan(seen.get(1).get("seq").asLong());
        long firstSeq = seen.get(0).get("seq").asLong();
        BlockingQueue<JsonNode> resumed = watch(master(), "?types=state&match=" + name,
                Map.of("Last-Event-ID", Long.toString(firstSeq)));
        assertThat(take(resumed, 2)).extracting(e -> e.get("action").asText()).containsExactly("update", "delete");
    }

    @Test
    default void watchersOnlySeeWhatTheyMayRead() throws Exception {
        String name = unique("spy");
        Session configReader = keyWithPolicy(name, "token_name == '" + name + "'", "\"Config\"", "read");
        BlockingQueue<JsonNode> events = watch(configReader, "?match=" + name + "-*", Map.of());
        assertStatus(post("/state", "{\"name\": \"" + name + "-hidden\"}"), 201);
        assertStatus(post("/config", "{\"name\": \"" + name + "-shown\", \"type\": \"parameter\"}"), 201);
        JsonNode event = take(events, 1).get(0);
        assertThat(event.get("name").asText()).isEqualTo(name + "-shown");
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    default void eventsWithObjectsCarryWhatGetAnswersButNotOnDelete() throws Exception {
        String name = unique("carried");
        BlockingQueue<JsonNode> events = watch(master(), "?types=config&match=" + name + "&objects=true", Map.of());
        assertStatus(post("/config", "{\"name\": \"" + name + "\", \"type\": \"parameter\", \"extra\": [1]}"), 201);
        JsonNode created = take(events, 1).get(0);
        assertThat(created.get("object")).isEqualTo(get("/config/" + name).json());
        assertStatus(put("/config/" + name + "?merge=true", "{\"setenv\": {\"X\": \"1\"}}"), 201);
        JsonNode updated = take(events, 1).get(0);
        assertThat(updated.get("action").asText()).isEqualTo("update");
        assertThat(updated.get("object")).isEqualTo(get("/config/" + name).json());
        assertThat(updated.at("/object/setenv/X").asText()).isEqualTo("1");
        assertStatus(delete("/config/" + name), 200);
        JsonNode deleted = take(events, 1).get(0);
        assertThat(deleted.get("action").asText()).isEqualTo("delete");
        assertThat(deleted.has("object")).isFalse();
    }

    @Test
    default void replayedEventOfAnObjectGoneSinceHasNoObject() throws Exception {
        String name = unique("gone");
        BlockingQueue<JsonNode> live = watch(master(), "?types=state&match=" + name, Map.of());
        assertStatus(post("/state", "{\"name\": \"" + name + "\"}"), 201);
        long created = take(live, 1).get(0).get("seq").asLong();
        assertStatus(delete("/state/" + name), 200);
        take(live, 1);
        BlockingQueue<JsonNode> replayed = watch(master(), "?types=state&match=" + name + "&objects=true",
                Map.of("Last-Event-ID", Long.toString(created - 1)));
        List<JsonNode> seen = take(replayed, 2);
        assertThat(seen).extracting(e -> e.get("action").asText()).containsExactly("create", "delete");
        assertThat(seen).noneMatch(e -> e.has("object"));
    }

    @Test
    default void carriedObjectsHideSecretsExactlyAsGetDoes() throws Exception {
        String name = unique("carried-sec");
        Session reader = keyWithPolicy(unique("reader"), "token_name != 'master' and not sensitive", "\"Config\"", "read");
        BlockingQueue<JsonNode> readerEvents = watch(reader, "?match=" + name + "&objects=true", Map.of());
        BlockingQueue<JsonNode> masterEvents = watch(master(), "?match=" + name + "&objects=true", Map.of());
        String secret = "watch-secret-that-must-not-leak";
        assertStatus(post("/config", "{\"name\": \"" + name + "\", \"type\": \"parameter\","
                + " \"sensitive\": {\"parameters\": {\"PASS\": \"" + secret + "\"}}}"), 201);
        JsonNode seen = take(readerEvents, 1).get(0).get("object");
        assertThat(seen).isEqualTo(wire().call(reader, "GET", "/config/" + name, null).json());
        assertThat(seen.get("sensitive").toString()).isEqualTo("{\"encrypted\":\"values\"}");
        assertThat(seen.toString()).doesNotContain(secret);
        JsonNode revealed = take(masterEvents, 1).get(0).get("object");
        assertThat(revealed).isEqualTo(get("/config/" + name).json());
        assertThat(revealed.at("/sensitive/parameters/PASS").asText()).isEqualTo(secret);
    }

    @Test
    default void watchersWithObjectsOnlySeeWhatTheyMayRead() throws Exception {
        String name = unique("tw");
        assertStatus(post("/apikey", "{\"name\": \"" + name + "\"}"), 201);
        String secret = get("/apikey/" + name).json().at("/secrets/0").asText();
        String mine = name + "-mine";
        String other = name + "-other";
        assertStatus(post("/state", "{\"name\": \"" + mine + "\"}"), 201);
        assertStatus(post("/state", "{\"name\": \"" + other + "\"}"), 201);
        assertStatus(post("/policy", "{\"name\": \"" + name + "\", \"policy\": \"token_name == '" + name + "'\"}"), 201);
        assertStatus(post("/policyscope", "{\"name\": \"" + name + "\", \"policy\": \"" + name + "\","
                + " \"matches\": \"obj['name'] == '" + mine + "'\", \"actions\": \"read\", \"type\": \"Targeted\"}"), 201);
        Session targeted = wire().signIn(name + "." + secret);
        BlockingQueue<JsonNode> events = watch(targeted, "?match=" + name + "-*&objects=true", Map.of());
        assertStatus(put("/state/" + other + "?merge=true", "{\"x\": 1}"), 201);
        assertStatus(put("/state/" + mine + "?merge=true", "{\"x\": 2}"), 201);
        JsonNode event = take(events, 1).get(0);
        assertThat(event.get("name").asText()).isEqualTo(mine);
        assertThat(event.get("object")).isEqualTo(wire().call(targeted, "GET", "/state/" + mine, null).json());
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    default void watchRefusesUnknownTypesBadObjectsFlagsAndAnonymousCallers() {
        assertThat(get("/watch?types=spaceship").status()).isEqualTo(400);
        assertFailed(get("/watch?objects=yes"), 400, "Invalid value for objects: 'yes' (true or false)");
        assertThat(wire().send("GET", "/watch", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    default void metricsAreExposedForPrometheus() {
        WireClient root = new WireClient(engine().url().replace("/api/v1", ""));
        String metrics = root.send("GET", "/metrics", Map.of(), null).body();
        assertThat(metrics).contains("reflex_http_requests_seconds_count");
        assertThat(root.send("GET", "/health", Map.of(), null).status()).isEqualTo(204);
        assertThat(Duration.ofSeconds(1)).isPositive();
    }
}
