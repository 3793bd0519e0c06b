package io.reflex.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.WireClient;
import io.reflex.engine.testing.WireClient.Answer;
import io.reflex.engine.testing.WireClient.Session;
import java.util.UUID;

/** What every API contract needs: the engine under test, a wire client, a master session, and small helpers. */
interface EngineFixture {

    RunningEngine engine();

    WireClient wire();

    Session master();

    default Answer get(String path) {
        return wire().call(master(), "GET", path, null);
    }

    default Answer post(String path, String body) {
        return wire().call(master(), "POST", path, body);
    }

    default Answer put(String path, String body) {
        return wire().call(master(), "PUT", path, body);
    }

    default Answer delete(String path) {
        return wire().call(master(), "DELETE", path, null);
    }

    /** A name no other test in the shared engine uses. */
    default String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void assertFailed(Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = answer.json();
        assertThat(body.path("status").asText()).isEqualTo("failed");
        assertThat(body.path("message").asText()).isEqualTo(message);
    }

    static void assertStatus(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Creates an apikey with one policy mapped by one global scope, and signs it in. */
    default Session keyWithPolicy(String name, String policy, String scopeObjects, String actions) {
        assertStatus(post("/apikey", "{\"name\": \"" + name + "\"}"), 201);
        String secret = get("/apikey/" + name).json().path("secrets").get(0).asText();
        assertStatus(post("/policy", "{\"name\": \"" + name + "-pol\", \"policy\": " + quote(policy) + "}"), 201);
        assertStatus(post("/policyscope", "{\"name\": \"" + name + "-scope\", \"policy\": \"" + name + "-pol\","
                + " \"matches\": \"True\", \"actions\": \"" + actions + "\", \"type\": \"global\","
                + " \"objects\": [" + scopeObjects + "]}"), 201);
        return wire().signIn(name + "." + secret);
    }
}
