package io.reflex.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reflex.client.config.ConfigFlattener;
import io.reflex.client.config.FlattenedConfig;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ConfigFlattener#flatten} of a 50-config hierarchy with 500 variables ({@link ConfigHierarchy}), served from
 * memory: the walk over extends and imports, the merges and the {@code %{...}} expansion, without any HTTP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class FlattenBenchmark {

    private ConfigFlattener flattener;

    @Setup
    public void setUp() {
        ConfigHierarchy hierarchy = ConfigHierarchy.build(new ObjectMapper());
        flattener = ConfigFlattener.builder(hierarchy).environment(Map.of()).build();
    }

    @Benchmark
    public FlattenedConfig flatten50Configs500Variables() {
        return flattener.flatten(ConfigHierarchy.TOP);
    }
}
