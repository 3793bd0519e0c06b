package io.reflex.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.engine.testing.EngineProcess;
import io.reflex.engine.testing.TestDatabase;
import io.reflex.engine.testing.WatchStream;
import io.reflex.engine.testing.WireClient;
import io.reflex.engine.testing.WireClient.Answer;
import io.reflex.engine.testing.WireClient.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engine processes on one PostgreSQL database: sessions, writes and the change feed cross nodes, and a change
 * written through node A reaches a watcher on node B within a second (once both JVMs have handled a first change).
 */
class TwoNodeTest {

    @Test
    @Timeout(120)
    void nodesShareObjectsSessionsAndTheChangeFeed(@TempDir Path dir) throws Exception {
        TestDatabase.Instance database = TestDatabase.POSTGRESQL.create(dir);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path config = dir.resolve("engine.json");
        Files.writeString(config, "{\"db\": {\"url\": \"" + database.url() + "\", \"user\": \"postgres\"},"
                + " \"crypto\": {\"k01\": {\"key\": \"" + Base64.getEncoder().encodeToString(key) + "\", \"default\": true}}}");
        try (EngineProcess a = EngineProcess.start(dir, List.of("--data", dir.resolve("a").toString(), "--config", config.toString()));
                EngineProcess b = EngineProcess.start(dir, List.of("--data", dir.resolve("b").toString(), "--config", config.toString()))) {
            String masterKey = Files.readString(dir.resolve("a").resolve("master.key")).strip();
            assertThat(dir.resolve("b").resolve("master.key")).doesNotExist();
            WireClient nodeA = new WireClient(a.url());
            WireClient nodeB = new WireClient(b.url());
            Session session = nodeA.signIn(masterKey);

            BlockingQueue<JsonNode> seenOnB = WatchStream.open(b.url(), session, "?types=config", Map.of());

            for (int i = 0; i < 5; i++) {
                String body = "{\"name\": \"shared-" + i + "\", \"type\": \"parameter\","
                        + " \"sensitive\": {\"parameters\": {\"K\": \"v\"}}}";
                assertThat(nodeA.call(session, "POST", "/config", body).status()).isEqualTo(201);
                long committed = System.nanoTime();
                JsonNode event = seenOnB.poll(5, TimeUnit.SECONDS);
                long latencyMillis = (System.nanoTime() - committed) / 1_000_000;
                assertThat(event).isNotNull();
                assertThat(event.get("name").asText()).isEqualTo("shared-" + i);
                assertThat(event.get("action").asText()).isEqualTo("create");
                if (i > 0) {
                    assertThat(latencyMillis).as("change %d seen on node B %d ms after node A committed it", i, latencyMillis)
                            .isLessThan(1000);
                }
            }

            Answer onB = nodeB.call(session, "GET", "/config/shared-0", null);
            assertThat(onB.status()).isEqualTo(200);
            assertThat(onB.json().at("/sensitive/parameters/K").asText()).isEqualTo("v");
            assertThat(nodeB.call(session, "PUT", "/config/shared-0?merge=true", "{\"setenv\": {\"B\": \"1\"}}").status())
                    .isEqualTo(201);
            assertThat(nodeA.call(session, "GET", "/config/shared-0", null).json().at("/setenv/B").asText()).isEqualTo("1");
        } finally {
            database.drop().run();
        }
    }
}
