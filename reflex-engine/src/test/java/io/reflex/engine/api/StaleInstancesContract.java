package io.reflex.engine.api;

import static io.reflex.engine.api.EngineFixture.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.engine.testing.WatchStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine marks instances whose heartbeat is older than their ttl as stale (docs/redeploy.md, Stale instances),
 * as a normal update that watchers see; the next ping makes them ok again.
 */
interface StaleInstancesContract extends EngineFixture {

    private void ping(String name, Instant heartbeat, String ttl) {
        String lifecycle = "{\"state\": \"ready\", \"heartbeat\": \"" + heartbeat + "\""
                + (ttl.isEmpty() ? "" : ", \"ttl\": " + ttl) + "}";
        assertStatus(put("/instance-ping/" + name, "{\"status\": \"ok\", \"service\": \"stale-svc\","
                + " \"address\": {\"host\": \"h1\", \"port\": 8080}, \"lifecycle\": " + lifecycle + "}"), 201);
    }

    private String status(String name) {
        return get("/instance/" + name).json().path("status").asText();
    }

    @Test
    default void instanceWithoutHeartbeatWithinTtlIsMarkedStaleAndWatchersSeeIt() throws Exception {
        String name = unique("stale");
        BlockingQueue<JsonNode> events = WatchStream.open(engine().url(), master(), "?types=instance&match=" + name,
                Map.of());
        ping(name, Instant.now(), "1");
        assertThat(events.poll(15, TimeUnit.SECONDS)).isNotNull();

        await().atMost(Duration.ofSeconds(20)).until(() -> status(name).equals("stale"));

        JsonNode marked = events.poll(15, TimeUnit.SECONDS);
        assertThat(marked).isNotNull();
        assertThat(marked.path("action").asText()).isEqualTo("update");
        assertThat(marked.path("name").asText()).isEqualTo(name);
        JsonNode stored = get("/instance/" + name).json();
        assertThat(stored.path("lifecycle").path("ttl").asInt()).isEqualTo(1);
        assertThat(stored.path("address").path("port").asInt()).isEqualTo(8080);
    }

    @Test
    default void theNextPingMakesAStaleInstanceOkAgain() {
        String name = unique("revived");
        ping(name, Instant.now().minusSeconds(120), "30");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(name).equals("stale"));

        ping(name, Instant.now(), "30");

        assertThat(status(name)).isEqualTo("ok");
    }

    @Test
    default void instancesWithoutTtlOrNotOkAreNeverMarked() {
        String withoutTtl = unique("no-ttl");
        String failed = unique("failed");
        String witness = unique("witness");
        ping(withoutTtl, Instant.now().minusSeconds(3600), "");
        assertStatus(put("/instance-ping/" + failed, "{\"status\": \"failed\", \"service\": \"stale-svc\","
                + " \"lifecycle\": {\"heartbeat\": \"" + Instant.now().minusSeconds(3600) + "\", \"ttl\": 1}}"), 201);
        ping(witness, Instant.now().minusSeconds(3600), "1");

        await().atMost(Duration.ofSeconds(20)).until(() -> status(witness).equals("stale"));

        assertThat(status(withoutTtl)).isEqualTo("ok");
        assertThat(status(failed)).isEqualTo("failed");
    }
}
