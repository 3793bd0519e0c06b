package io.reflex.engine.api;

import static io.reflex.engine.api.EngineFixture.assertFailed;
import static io.reflex.engine.api.EngineFixture.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.engine.testing.WireClient.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The append-only audit log: every write and every reveal of a secret, listed for admins only, secret-free. */
interface AuditContract extends EngineFixture {

    @Test
    default void writesRefusalsAndSecretReadsAreAuditedWithoutSecrets() {
        String name = unique("aud");
        String secret = "audit-secret-" + name;
        assertStatus(post("/config", "{\"name\": \"" + name + "\", \"type\": \"parameter\","
                + " \"sensitive\": {\"parameters\": {\"K\": \"" + secret + "\"}}}"), 201);
        assertStatus(get("/config/" + name), 200);
        assertFailed(post("/config", "{\"name\": \"" + name + "\", \"type\": \"parameter\"}"), 400,
                "Config named `" + name + "` already exists");
        List<JsonNode> entries = new ArrayList<>();
        get("/audit?limit=10000").json().forEach(entries::add);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("create");
            assertThat(e.get("target").asText()).isEqualTo(name);
            assertThat(e.get("status").asInt()).isEqualTo(201);
            assertThat(e.get("actor").asText()).isEqualTo("100");
            assertThat(e.get("ip").asText()).isNotEmpty();
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("read-sensitive");
            assertThat(e.get("target").asText()).isEqualTo(name);
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.get("status").asInt()).isEqualTo(400));
        assertThat(entries.toString()).doesNotContain(secret);
    }

    @Test
    default void onlyAdminsMayReadTheAuditLog() {
        String name = unique("nosy");
        Session reader = keyWithPolicy(name, "token_name == '" + name + "'", "\"*\"", "read,write");
        assertFailed(wire().call(reader, "GET", "/audit", null), 403, "Forbidden");
    }
}
