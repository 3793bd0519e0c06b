package io.reflex.engine.api;

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
    default void watchRefusesUnknownTypesAndAnonymousCallers() {
        assertThat(get("/watch?types=spaceship").status()).isEqualTo(400);
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
