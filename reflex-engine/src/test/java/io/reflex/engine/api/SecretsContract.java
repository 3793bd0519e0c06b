package io.reflex.engine.api;

import static io.reflex.engine.api.EngineFixture.assertFailed;
import static io.reflex.engine.api.EngineFixture.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.engine.testing.WireClient.Answer;
import io.reflex.engine.testing.WireClient.Session;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sensitive data: encrypted at rest, revealed only by policy, never overwritten by a redaction placeholder. */
interface SecretsContract extends EngineFixture {

    String SECRET = "s3cr3t-value-that-must-not-leak";

    private String configWithSecret() {
        String name = unique("sec");
        assertStatus(post("/config", "{\"name\": \"" + name + "\", \"type\": \"parameter\","
                + " \"sensitive\": {\"parameters\": {\"PASS\": \"" + SECRET + "\"}}}"), 201);
        return name;
    }

    @Test
    default void secretsAreEncryptedAtRestInEveryTable() throws Exception {
        String name = configWithSecret();
        assertThat(get("/config/" + name).json().at("/sensitive/parameters/PASS").asText()).isEqualTo(SECRET);
        String apikeySecret = get("/apikey/master").json().at("/secrets/0").asText();
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(engine().jdbcUrl(), engine().dbUser(), "");
                ResultSet rs = c.createStatement().executeQuery("SELECT data FROM reflex_object UNION ALL SELECT secret FROM reflex_session")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        assertThat(rows).isNotEmpty().noneMatch(r -> r.contains(SECRET) || r.contains(apikeySecret)
                || r.contains(master().secret()));
    }

    @Test
    default void readersWithoutSensitiveRightSeePlaceholders() {
        String name = configWithSecret();
        Session reader = keyWithPolicy(unique("reader"), "token_name != 'master' and not sensitive", "\"Config\", \"Apikey\"", "read");
        JsonNode seen = wire().call(reader, "GET", "/config/" + name, null).json();
        assertThat(seen.get("sensitive").toString()).isEqualTo("{\"encrypted\":\"values\"}");
        JsonNode listed = wire().call(reader, "GET", "/config/?match=" + name + "&cols=name,sensitive", null).json();
        assertThat(listed.get(0).get("sensitive").toString()).isEqualTo("{\"encrypted\":\"values\"}");
        assertThat(wire().call(reader, "GET", "/config/?match=" + name + "&cols=*", null).body()).doesNotContain(SECRET);
        assertThat(wire().call(reader, "GET", "/apikey/master", null).json().get("secrets").toString())
                .isEqualTo("[\"redacted\"]");
    }

    @Test
    default void placeholderWrittenBackKeepsTheStoredSecret() {
        String name = configWithSecret();
        assertStatus(put("/config/" + name, "{\"type\": \"parameter\", \"sensitive\": {\"encrypted\": \"values\"}, \"setenv\": {\"X\": \"1\"}}"), 201);
        assertThat(get("/config/" + name).json().at("/sensitive/parameters/PASS").asText()).isEqualTo(SECRET);
        assertStatus(put("/config/" + name + "?merge=true",
                "{\"sensitive\": {\"encrypted\": \"values\", \"parameters\": {\"NEW\": \"n\"}}}"), 201);
        JsonNode merged = get("/config/" + name).json().get("sensitive");
        assertThat(merged.at("/parameters/PASS").asText()).isEqualTo(SECRET);
        assertThat(merged.at("/parameters/NEW").asText()).isEqualTo("n");
        assertThat(merged.has("encrypted")).isFalse();
        assertFailed(put("/config/" + name, "{\"type\": \"parameter\", \"sensitive\": {\"encrypted\": \"values\"}, \"setenv\": {\"X\": \"1\"}}"),
                202, "No changes were made");
    }

    @Test
    default void changingSecretsNeedsTheSensitiveWriteRight() {
        String name = configWithSecret();
        Session writer = keyWithPolicy(unique("writer"), "token_name != 'master' and not sensitive", "\"Config\"", "read,write");
        Answer denied = wire().call(writer, "PUT", "/config/" + name + "?merge=true",
                "{\"sensitive\": {\"parameters\": {\"PASS\": \"stolen\"}}}");
        assertFailed(denied, 403, "Forbidden");
        assertStatus(wire().call(writer, "PUT", "/config/" + name + "?merge=true", "{\"setenv\": {\"OK\": \"1\"}}"), 201);
        assertThat(get("/config/" + name).json().at("/sensitive/parameters/PASS").asText()).isEqualTo(SECRET);
    }

    @Test
    default void newApikeysGetAGeneratedSecretThatSignsIn() {
        String name = unique("key");
        assertStatus(post("/apikey", "{\"name\": \"" + name + "\", \"secrets\": [\"chosen\"]}"), 201);
        JsonNode key = get("/apikey/" + name).json();
        String secret = key.at("/secrets/0").asText();
        assertThat(java.util.Base64.getDecoder().decode(secret)).hasSize(66);
        assertThat(key.get("uuid").asText()).matches("[0-9a-f-]{36}");
        wire().signIn(name + "." + secret);
        assertFailed(post("/apikey", "{\"name\": \"Upper\"}"), 400, "Invalid name 'Upper': apikey names may only use a-z, 0-9 and -");
        assertFailed(post("/apikey", "{\"name\": \"x" + name + "\", \"id\": 5}"), 400, "id must be left undefined on apikey creation");
        String upserted = unique("key");
        assertStatus(put("/apikey/" + upserted, "{\"description\": \"by put\"}"), 201);
        assertThat(get("/apikey/" + upserted).json().at("/secrets/0").asText()).isNotEmpty();
        assertStatus(put("/apikey/" + name + "?merge=true", "{\"secrets\": [\"redacted\"], \"description\": \"d\"}"), 201);
        wire().signIn(name + "." + secret);
    }

    @Test
    default void deletingAnApikeyEndsItsSessions() throws Exception {
        String name = unique("gone");
        Session session = keyWithPolicy(name, "token_name == '" + name + "'", "\"State\"", "read");
        assertThat(wire().call(session, "GET", "/state/", null).status()).isIn(200, 204);
        assertStatus(delete("/apikey/" + name), 200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(wire().call(session, "GET", "/state/", null).status()).isEqualTo(401));
    }
}
