package io.reflex.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the original engine's configuration format ({@code REFLEX_ENGINE_CONFIG}: JSON or base64 JSON, from
 * {@code /run/secrets/REFLEX_ENGINE_CONFIG} or the environment) and our config file, which uses the same keys, so an
 * existing deployment's settings carry over unchanged.
 */
final class SettingsLoader {

    static final String VARIABLE = "REFLEX_ENGINE_CONFIG";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SettingsLoader() {}

    /** The original's variable, if set: the Docker secret file wins over the environment. */
    static Optional<String> engineConfigVariable(Path secretsDir, Map<String, String> env) throws IOException {
        Path secret = secretsDir.resolve(VARIABLE);
        if (Files.isRegularFile(secret)) {
            return Optional.of(Files.readString(secret, StandardCharsets.UTF_8).strip());
        }
        return Optional.ofNullable(env.get(VARIABLE)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Parses base64 JSON or plain JSON, as the original tried them in that order. */
    static JsonNode parse(String text, String origin) {
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(text);
            JsonNode node = MAPPER.readTree(decoded);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IllegalArgumentException | IOException notBase64) {
            // fall through to plain JSON
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(origin + " is neither JSON nor base64 JSON: " + e.getOriginalMessage());
        }
        throw new IllegalArgumentException(origin + " must be a JSON object");
    }

    /** Applies the keys of one configuration document to the builder; unknown keys are ignored as the original did. */
    static void apply(JsonNode config, EngineSettings.Builder builder, String origin) {
        JsonNode server = config.path("server");
        if (server.has("host") || server.has("port")) {
            builder.listen(server.path("host").asText("127.0.0.1"), port(server.path("port"), origin));
        }
        if (server.has("route_base")) {
            String base = server.get("route_base").asText();
            if (!base.startsWith("/") || base.endsWith("/")) {
                throw new IllegalArgumentException(origin + ": server.route_base must start with '/' and not end with one");
            }
            builder.routeBase(base);
        }
        if (server.has("trust_forwarded_for")) {
            builder.trustForwardedFor(server.get("trust_forwarded_for").asBoolean());
        }
        if (server.has("max_body")) {
            builder.maxBodyBytes(server.get("max_body").asLong());
        }
        JsonNode auth = config.path("auth");
        if (auth.has("expires") || auth.has("bind_ip")) {
            builder.sessions(auth.path("expires").asLong(300), auth.path("bind_ip").asBoolean(false));
        }
        if (config.has("heartbeat")) {
            builder.heartbeat(Duration.ofSeconds(config.get("heartbeat").asLong()));
        }
        if (config.has("refresh_maps")) {
            builder.policyRefresh(Duration.ofSeconds(config.get("refresh_maps").asLong()));
        }
        if (config.has("stale_sweep")) {
            double seconds = config.get("stale_sweep").asDouble();
            if (!(seconds > 0)) {
                throw new IllegalArgumentException(origin + ": stale_sweep must be a positive number of seconds");
            }
            builder.staleSweep(Duration.ofMillis(Math.round(seconds * 1000)));
        }
        if (config.has("deploy_ver")) {
            builder.deployVersion(config.get("deploy_ver").asLong());
        }
        JsonNode db = config.path("db");
        if (db.has("url")) {
            builder.database(db.get("url").asText(), text(db, "user"), text(db, "password"));
        } else if (db.has("host")) {
            String url = "jdbc:mariadb://" + db.get("host").asText() + ":" + db.path("port").asInt(3306) + "/"
                    + db.path("database").asText("reflex_engine");
            builder.database(url, Optional.of(db.path("user").asText("root")), text(db, "password"));
        }
        Iterator<Map.Entry<String, JsonNode>> keys = config.path("crypto").fields();
        while (keys.hasNext()) {
            Map.Entry<String, JsonNode> key = keys.next();
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key.getValue().path("key").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ": crypto key '" + key.getKey() + "' is not base64");
            }
            builder.cryptoKey(key.getKey(), bytes, key.getValue().path("default").asBoolean(false));
        }
    }

    private static int port(JsonNode port, String origin) {
        int value = port.asInt(54000);
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(origin + ": server.port must be 0-65535");
        }
        return value;
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.has(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
