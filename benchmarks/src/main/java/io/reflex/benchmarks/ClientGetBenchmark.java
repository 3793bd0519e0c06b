package io.reflex.benchmarks;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.engine.Engine;
import io.reflex.engine.EngineSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code GET config/NAME} through {@link ReflexClient}: mint the per-request API token, send over loopback,
 * parse the answer. The engine runs in the same JVM (embedded, SQLite in a temp directory), so the figure includes
 * the engine's share of the work on the same cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ClientGetBenchmark {

    static final String CONFIG = "bench-cfg";

    private Path dataDir;
    private Engine engine;
    private ReflexClient client;

    @Setup
    public void setUp() throws Exception {
        dataDir = Files.createTempDirectory("reflex-jmh-");
        engine = Engine.start(EngineSettings.embedded(dataDir).listen("127.0.0.1", 0).build());
        client = ReflexClient.create(engine.url(), engine.createdMasterKey().orElseThrow());
        client.create(ObjectType.CONFIG, ReflexObject.parse("""
                {"name": "bench-base", "type": "parameter", "setenv": {"LOG_LEVEL": "info", "REGION": "eu-west-1"}}
                """));
        client.create(ObjectType.CONFIG, ReflexObject.parse("""
                {"name": "%s", "type": "parameter", "extends": ["bench-base"],
                 "setenv": {"APP_PORT": "8080", "DB_HOST": "db.internal", "DB_NAME": "app", "FEATURE_X": "on"}}
                """.formatted(CONFIG)));
        if (!getConfig().name().equals(CONFIG)) {
            throw new IllegalStateException("the engine did not return " + CONFIG);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        if (engine != null) {
            engine.close();
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    @Benchmark
    public ReflexObject getConfig() {
        return client.get(ObjectType.CONFIG, CONFIG);
    }
}
