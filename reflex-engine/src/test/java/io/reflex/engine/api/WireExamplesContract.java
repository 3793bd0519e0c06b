package io.reflex.engine.api;

import static io.reflex.engine.api.EngineFixture.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.reflex.engine.testing.JsonShape;
import io.reflex.engine.testing.Vectors;
import io.reflex.engine.testing.WireClient;
import io.reflex.engine.testing.WireClient.Answer;
import io.reflex.engine.testing.WireClient.Session;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Replays {@code vectors/wire-examples.json}, the exchanges recorded from the original engine, in their order and
 * checks each answer; where section 9 says not to copy the original, the vector's recommended answer is expected.
 */
interface WireExamplesContract extends EngineFixture {

    @Test
    default void replaysTheRecordedWireExamples() throws Exception {
        JsonNode vectors = Vectors.read("wire-examples.json");
        prepareFixture();
        Session tester = wire().signIn("tester." + get("/apikey/tester").json().path("secrets").get(0).asText());
        long created = 0;
        for (JsonNode exchange : vectors.get("exchanges")) {
            String id = exchange.get("id").asText();
            if (id.equals("update")) {
                waitForNextSecond(created);
            }
            Session caller = exchange.path("caller").asText().equals("tester") ? tester : master();
            String path = exchange.at("/request/path").asText().substring("/api/v1".length());
            if (id.equals("archive-list")) {
                path = path.replaceAll("archive=[0-9~.]+", "archive=" + created + "~" + (Instant.now().getEpochSecond() + 1));
            } else if (id.equals("archive-get")) {
                path = path.replaceAll("archive=[0-9.]+", "archive=" + created);
            }
            Answer answer = wire().send(exchange.at("/request/method").asText(), path,
                    headers(exchange.at("/request/headers"), caller), body(exchange.get("request")));
            JsonNode expected = exchange.get("response").has("recommended_for_new_engine")
                    ? exchange.at("/response/recommended_for_new_engine") : exchange.get("response");
            if (id.equals("archive-list")) {
                expected = twoArchivedVersions(expected);
            }
            check(id, expected, answer);
            if (id.equals("get")) {
                created = Long.parseLong(answer.json().get("updated_at").asText().replace(".0", ""));
            }
        }
    }

    private void prepareFixture() {
        assertStatus(post("/config", "{\"name\": \"common\", \"type\": \"parameter\"}"), 201);
        assertStatus(post("/pipeline", "{\"name\": \"bct\"}"), 201);
        assertStatus(post("/service", "{\"name\": \"bct-tst\", \"pipeline\": \"bct\", \"config\": \"common\"}"), 201);
        assertStatus(post("/apikey", "{\"name\": \"tester\"}"), 201);
        assertStatus(post("/policy", "{\"name\": \"tester-read\", \"policy\": \"token_name == 'tester'\"}"), 201);
        assertStatus(post("/policyscope", "{\"name\": \"tester-read\", \"policy\": \"tester-read\", \"matches\": \"True\","
                + " \"actions\": \"read\", \"type\": \"global\", \"objects\": [\"Config\"]}"), 201);
    }

    /** Archive rows are written only for real changes here (section 9, item 29): v1 and v2, not v2 twice. */
    private static JsonNode twoArchivedVersions(JsonNode expected) {
        JsonNode copy = expected.deepCopy();
        ((ArrayNode) copy.get("body_shape")).remove(2);
        return copy;
    }

    private Map<String, String> headers(JsonNode template, Session caller) {
        Map<String, String> auth = WireClient.authHeaders(caller);
        Map<String, String> out = new HashMap<>();
        template.fields().forEachRemaining(h -> {
            String value = h.getValue().asText();
            if (value.equals("<APIKEY_JWT>")) {
                value = WireClient.apikeyJwt(engine().masterKey());
            } else if (value.equals("<APIKEY_JWT_WRONG_KEY>")) {
                byte[] wrong = new byte[66];
                new SecureRandom().nextBytes(wrong);
                value = WireClient.apikeyJwt("master", wrong, Instant.now().plusSeconds(300));
            } else if (value.contains("API_TOKEN>")) {
                value = auth.get("X-ApiToken");
            } else if (value.contains("SID>")) {
                value = auth.get("Cookie");
            }
            out.put(h.getKey(), value);
        });
        return out;
    }

    private static String body(JsonNode request) {
        if (request.has("body_raw")) {
            return request.get("body_raw").asText();
        }
        JsonNode body = request.get("body");
        return body == null || body.isNull() ? null : body.toString();
    }

    private static void check(String id, JsonNode expected, Answer answer) {
        assertThat(answer.status()).as(id + ": " + answer.body()).isEqualTo(expected.get("status").asInt());
        JsonNode type = expected.get("content_type");
        if (type != null && !type.isNull()) {
            assertThat(answer.header("Content-Type")).as(id).hasValueSatisfying(t -> assertThat(t).startsWith(type.asText()));
        }
        if (expected.path("body_empty").asBoolean(false)) {
            assertThat(answer.body()).as(id).isEmpty();
        }
        if (expected.has("body_exact")) {
            assertThat(answer.json()).as(id).isEqualTo(expected.get("body_exact"));
        }
        if (expected.has("body_shape")) {
            Optional<String> mismatch = JsonShape.mismatch(expected.get("body_shape"), answer.json(), id);
            assertThat(mismatch).as(id + ": " + answer.body()).isEmpty();
        }
        if (expected.path("headers").has("Set-Cookie")) {
            String sid = answer.json().get("session").asText();
            assertThat(answer.header("Set-Cookie")).as(id).hasValueSatisfying(c ->
                    assertThat(c).startsWith(expected.at("/headers/Set-Cookie").asText().replace("<SID>", sid)));
        }
        assertThat(answer.header("X-Frame-Options")).as(id).contains("DENY");
    }

    private static void waitForNextSecond(long second) throws InterruptedException {
        while (Instant.now().getEpochSecond() <= second) {
            Thread.sleep(50);
        }
    }
}
