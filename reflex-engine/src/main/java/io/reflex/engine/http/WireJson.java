package io.reflex.engine.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON as the original engine wrote it: Python's default separators ({@code ", "} and {@code ": "}) and
 * non-ASCII escaped, so that tests and scripts written against the original (which match text such as
 * {@code status": "updated}) keep working.
 */
public final class WireJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                    .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                    .build())
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(new PythonSeparators());

    private WireJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A plain mapper whose buffers come from one shared pool. Jackson's default pool is per thread, and every request
     * runs on a fresh virtual thread, so without this each request allocated its buffers anew.
     */
    public static JsonMapper.Builder pooledMapper() {
        return JsonMapper.builder(JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build());
    }

    /**
     * Epoch time as the original wrote it: a plain decimal ({@code 1795292449.0}, {@code 1795292749.85}), never
     * the exponent form ({@code 1.795292449E9}) a Java double prints.
     */
    public static JsonNode epochSeconds(long millis) {
        BigDecimal seconds = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
        return DecimalNode.valueOf(seconds.scale() < 1 ? seconds.setScale(1) : seconds);
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact JSON for storage, where spacing only costs bytes. */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class PythonSeparators extends MinimalPrettyPrinter {
        PythonSeparators() {
            setSeparators(Separators.createDefaultInstance());
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
