package io.reflex.client.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Timeout(30)
class PrefetchingConfigSourceTest {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final InMemorySource engine = new InMemorySource()
            .put("C", Json.object("{'extends': ['P'], 'imports': ['I'], 'exports': ['F'],"
                    + " 'setenv': {'A': '%{X}'}, 'sensitive': {'parameters': {'X': 'c'}}}"))
            .put("P", Json.object("{'setenv': {'B': 'p'}}"))
            .put("I", Json.object("{'setenv': {'C': 'i'}}"))
            .put("F", Json.object("{'type': 'file', 'content': {'dest': 'f.txt', 'ref': 'sensitive.parameters.X'}}"));

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void flattensExactlyAsTheSourceItReadsAheadFrom() {
        LaunchPlan direct = commit(engine, "C");
        LaunchPlan readAhead = commit(new PrefetchingConfigSource(engine, threads, true), "C");

        assertThat(readAhead.conf()).isEqualTo(direct.conf());
        assertThat(readAhead.setenv()).isEqualTo(direct.setenv());
        assertThat(readAhead.files()).extracting(ConfigFile::path).isEqualTo(direct.files().stream()
                .map(ConfigFile::path).toList());
        assertThat(readAhead.log()).isEqualTo(direct.log());
    }

    @Test
    void requestsWhatAConfigNamesBeforeTheFlattenerAsksAndEachConfigOnce() {
        PrefetchingConfigSource source = new PrefetchingConfigSource(engine, threads, true);

        source.fetch("C");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(engine.requests()).containsExactlyInAnyOrder("C", "P", "I", "F"));
        commit(source, "C");
        assertThat(engine.requests()).containsExactlyInAnyOrder("C", "P", "I", "F");
    }

    @Test
    void readsExportsAheadOnlyForACommit() {
        PrefetchingConfigSource source = new PrefetchingConfigSource(engine, threads, false);

        ConfigFlattener flattener = ConfigFlattener.builder(source).cfgdir("/cfg").build();
        flattener.prepare(flattener.flatten("C"));

        assertThat(engine.requests()).containsExactlyInAnyOrder("C", "P", "I");
    }

    @Test
    void fetchesTheConfigsOfOneLevelInParallel() {
        CountDownLatch bothAsked = new CountDownLatch(2);
        ConfigSource slowParents = ref -> {
            if (!ref.equals("C")) {
                bothAsked.countDown();
                awaitQuietly(bothAsked);
            }
            return engine.fetch(ref);
        };
        engine.put("C", Json.object("{'extends': ['P', 'I']}"));

        commit(new PrefetchingConfigSource(slowParents, threads, true), "C");

        assertThat(bothAsked.getCount()).as("P and I were requested at the same time").isZero();
    }

    @Test
    void aMissingConfigFailsOnlyWhenTheFlattenerAsksForIt() {
        engine.put("C", Json.object("{'exports': ['gone']}"));
        PrefetchingConfigSource source = new PrefetchingConfigSource(engine, threads, true);

        ConfigFlattener flattener = ConfigFlattener.builder(source).cfgdir("/cfg").build();
        flattener.prepare(flattener.flatten("C"));
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.requests().contains("gone"));

        assertThatThrownBy(() -> source.fetch("gone")).isInstanceOf(ConfigNotFoundException.class);
    }

    @Test
    void aFailedFetchIsReportedOnceAndThenTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        ConfigSource engineStartingUp = ref -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("connection refused");
            }
            return engine.fetch(ref);
        };
        PrefetchingConfigSource source = new PrefetchingConfigSource(engineStartingUp, threads, true);

        assertThatThrownBy(() -> source.fetch("P")).isInstanceOf(IllegalStateException.class)
                .hasMessage("connection refused");
        ObjectNode parent = source.fetch("P");

        assertThat(parent.path("setenv").path("B").asText()).isEqualTo("p");
    }

    private static LaunchPlan commit(ConfigSource source, String top) {
        ConfigFlattener flattener = ConfigFlattener.builder(source).environment(Map.of()).cfgdir("/cfg")
                .contentFiles(path -> Optional.empty()).build();
        return flattener.commit(flattener.flatten(top));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other parent was never requested while this one was pending");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
