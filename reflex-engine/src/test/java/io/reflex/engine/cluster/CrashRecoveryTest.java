package io.reflex.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.engine.testing.EngineProcess;
import io.reflex.engine.testing.WireClient;
import io.reflex.engine.testing.WireClient.Answer;
import io.reflex.engine.testing.WireClient.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 during a burst of concurrent writes: every write that was answered 2xx survives, complete. */
class CrashRecoveryTest {

    @Test
    @Timeout(120)
    void acknowledgedWritesSurviveKillNine(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        try (EngineProcess engine = EngineProcess.start(dir, List.of("--data", data.toString()))) {
            String masterKey = Files.readString(data.resolve("master.key")).strip();
            WireClient wire = new WireClient(engine.url());
            Session master = wire.signIn(masterKey);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger counter = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(8);
            for (int w = 0; w < 8; w++) {
                writers.submit(() -> {
                    while (running.get()) {
                        int n = counter.incrementAndGet();
                        String name = "burst-" + n;
                        String payload = "p".repeat(200) + n;
                        try {
                            Answer answer = wire.call(master, "POST", "/state",
                                    "{\"name\": \"" + name + "\", \"payload\": \"" + payload + "\", \"n\": " + n + "}");
                            if (answer.status() == 201) {
                                acknowledged.put(name, payload);
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < 100 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            engine.kill();
            running.set(false);
            writers.shutdown();
            writers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(acknowledged).hasSizeGreaterThan(20);
        try (EngineProcess restarted = EngineProcess.start(dir, List.of("--data", data.toString()))) {
            WireClient wire = new WireClient(restarted.url());
            Session master = wire.signIn(Files.readString(data.resolve("master.key")).strip());
            Set<String> missing = ConcurrentHashMap.newKeySet();
            acknowledged.forEach((name, payload) -> {
                Answer answer = wire.call(master, "GET", "/state/" + name, null);
                if (answer.status() != 200 || !answer.json().path("payload").asText().equals(payload)) {
                    missing.add(name);
                }
            });
            assertThat(missing).as("acknowledged but lost or incomplete").isEmpty();
            assertThat(restarted.stop(Duration.ofSeconds(20))).isZero();
        }
    }
}
