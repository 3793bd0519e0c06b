package io.reflex.engine.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data key of an engine that was given none: generated on first start and kept in the data directory (mode
 * 0600) in the original's {@code crypto} format, so it can later be moved into the engine configuration as is.
 */
public final class KeyFile {

    public static final String NAME = "crypto-keys.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KeyFile() {}

    public static KeyRing loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(NAME);
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            ObjectNode crypto = MAPPER.createObjectNode();
            crypto.putObject("000").put("key", Base64.getEncoder().encodeToString(key)).put("default", true);
            PrivateFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(crypto));
        }
        return parse(MAPPER.readTree(file.toFile()), file.toString());
    }

    /** Reads the original's {@code crypto} object: key name to {@code {"key": base64, "default": bool}}. */
    static KeyRing parse(JsonNode crypto, String origin) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        Optional<String> defaultName = Optional.empty();
        var fields = crypto.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            try {
                keys.put(entry.getKey(), Base64.getDecoder().decode(entry.getValue().path("key").asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ": crypto key '" + entry.getKey() + "' is not base64");
            }
            if (entry.getValue().path("default").asBoolean(false)) {
                defaultName = Optional.of(entry.getKey());
            }
        }
        return KeyRing.of(keys, defaultName.orElseThrow(
                () -> new IllegalArgumentException(origin + ": no default crypto key defined")));
    }
}
