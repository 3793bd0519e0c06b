package io.reflex.engine.api;

import static io.reflex.engine.api.EngineFixture.assertFailed;
import static io.reflex.engine.api.EngineFixture.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.engine.testing.WireClient.Session;
import org.junit.jupiter.api.Test;

/** ABAC (reference section 4): policies, global and targeted scopes, fail gates, and their validation. */
interface PoliciesContract extends EngineFixture {

    @Test
    default void globalReadAllowsListAndGetButNoWrites() {
        String name = unique("ro");
        Session reader = keyWithPolicy(name, "token_name == '" + name + "'", "\"State\"", "read");
        String state = unique("st");
        assertStatus(post("/state", "{\"name\": \"" + state + "\"}"), 201);
        assertThat(wire().call(reader, "GET", "/state/" + state, null).status()).isEqualTo(200);
        assertThat(wire().call(reader, "GET", "/state/?match=" + state, null).status()).isEqualTo(200);
        assertFailed(wire().call(reader, "GET", "/service/", null), 403, "Forbidden");
        assertFailed(wire().call(reader, "PUT", "/state/" + state + "?merge=true", "{\"x\": 1}"), 403, "Forbidden");
        assertFailed(wire().call(reader, "POST", "/state", "{\"name\": \"" + unique("st") + "\"}"), 403, "Forbidden");
        assertFailed(wire().call(reader, "DELETE", "/state/" + state, null), 403, "Forbidden");
        String missing = unique("missing");
        assertFailed(wire().call(reader, "GET", "/state/" + missing, null), 404, "Unable to load State: " + missing);
    }

    @Test
    default void targetedScopeGrantsOneObjectButNotTheList() {
        String name = unique("tg");
        assertStatus(post("/apikey", "{\"name\": \"" + name + "\"}"), 201);
        String secret = get("/apikey/" + name).json().at("/secrets/0").asText();
        String mine = unique("mine");
        String other = unique("other");
        assertStatus(post("/state", "{\"name\": \"" + mine + "\"}"), 201);
        assertStatus(post("/state", "{\"name\": \"" + other + "\"}"), 201);
        assertStatus(post("/policy", "{\"name\": \"" + name + "\", \"policy\": \"token_name == '" + name + "'\"}"), 201);
        assertStatus(post("/policyscope", "{\"name\": \"" + name + "\", \"policy\": \"" + name + "\","
                + " \"matches\": \"obj['name'] == '" + mine + "'\", \"actions\": \"read, WRITE\", \"type\": \"Targeted\"}"), 201);
        JsonNode scope = get("/policyscope/" + name).json();
        assertThat(scope.get("actions").asText()).isEqualTo("read,write");
        assertThat(scope.get("type").asText()).isEqualTo("targeted");
        Session session = wire().signIn(name + "." + secret);
        assertThat(wire().call(session, "GET", "/state/" + mine, null).status()).isEqualTo(200);
        assertStatus(wire().call(session, "PUT", "/state/" + mine + "?merge=true", "{\"w\": 1}"), 201);
        assertFailed(wire().call(session, "GET", "/state/" + other, null), 403, "Forbidden");
        assertFailed(wire().call(session, "GET", "/state/", null), 403, "Forbidden");
        assertStatus(delete("/policyscope/" + name), 200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertFailed(wire().call(session, "GET", "/state/" + mine, null), 403, "Forbidden"));
    }

    @Test
    default void failPolicyIsAGateThatStopsEvaluation() {
        String name = unique("gate");
        Session session = keyWithPolicy(name, "token_name == '" + name + "'", "\"Build\"", "read");
        String build = unique("b");
        assertStatus(post("/build", "{\"name\": \"" + build + "\"}"), 201);
        assertThat(wire().call(session, "GET", "/build/" + build, null).status()).isEqualTo(200);
        assertStatus(post("/policy", "{\"name\": \"" + name + "-gate\", \"policy\": \"token_name == 'master'\","
                + " \"result\": \"FAIL\", \"order\": 2000}"), 201);
        assertThat(get("/policy/" + name + "-gate").json().get("result").asText()).isEqualTo("fail");
        assertStatus(post("/policyscope", "{\"name\": \"" + name + "-gate\", \"policy\": \"" + name + "-gate\","
                + " \"matches\": \"obj_type == 'Build'\", \"actions\": \"read\", \"type\": \"global\", \"objects\": [\"build\"]}"), 201);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertFailed(wire().call(session, "GET", "/build/" + build, null), 403, "Forbidden"));
        assertThat(get("/build/" + build).status()).isEqualTo(200);
        assertStatus(delete("/policy/" + name + "-gate"), 200);
        assertFailed(get("/policyscope/" + name + "-gate"), 404, "Unable to load Policyscope: " + name + "-gate");
    }

    @Test
    default void badPoliciesAndScopesAreRefused() {
        String name = unique("bad");
        assertThat(post("/policy", "{\"name\": \"" + name + "\", \"policy\": \"token_name ==\"}").json()
                .get("message").asText()).startsWith("Cannot prepare policy: ");
        assertFailed(post("/policy", "{\"name\": \"" + name + "\", \"policy\": \"True\", \"result\": \"maybe\"}"), 400,
                "Result may be only pass or fail");
        assertThat(post("/policy", "{\"name\": \"" + name + "\", \"policy\": \"(lambda: 1)()\"}").status()).isEqualTo(400);
        assertFailed(post("/policyscope", "{\"name\": \"" + name + "\", \"policy\": \"master\", \"matches\": \"True\","
                + " \"actions\": \"read\", \"type\": \"everywhere\"}"), 400, "Policy Match Type is not one of: global, targeted");
        assertFailed(post("/policyscope", "{\"name\": \"" + name + "\", \"policy\": \"master\", \"matches\": \"True\","
                + " \"actions\": \"fly\", \"type\": \"global\"}"), 400, "Invalid action type: fly");
        assertFailed(post("/policyscope", "{\"name\": \"" + name + "\", \"policy\": \"ghost\", \"matches\": \"True\","
                + " \"actions\": \"read\", \"type\": \"global\"}"), 400, "Policy:ghost not found");
        assertThat(post("/policyscope", "{\"name\": \"" + name + "\", \"policy\": \"master\", \"matches\": \"True\","
                + " \"actions\": \"read\", \"type\": \"global\", \"objects\": [\"spaceship\"]}").json().get("message").asText())
                .startsWith("Object 'spaceship' is not valid.");
        assertFailed(post("/group", "{\"name\": \"" + name + "\", \"type\": \"colour\", \"group\": []}"), 400,
                "Invalid type=colour not one of: policy, policyscope, pipeline, service, config, instance, apikey, build,"
                        + " group, authsession, state, set, password");
        assertFailed(post("/group", "{\"name\": \"" + name + "\", \"type\": \"password\", \"group\": [\"nocolon\"]}"), 400,
                "password group items should be a list of name:passwords");
    }

    @Test
    default void groupsAndPasswordHeadersReachPolicies() {
        String name = unique("grp");
        assertStatus(post("/group", "{\"name\": \"" + name + "-team\", \"type\": \"set\", \"group\": [\"" + name + "\"]}"), 201);
        Session member = keyWithPolicy(name, "token_name in groups['" + name + "-team']", "\"State\"", "read");
        assertThat(wire().call(member, "GET", "/state/", null).status()).isIn(200, 204);
        assertStatus(post("/group", "{\"name\": \"" + name + "-pw\", \"type\": \"password\", \"group\": [\"Amy:pond\"]}"), 201);
        JsonNode group = get("/group/" + name + "-pw").json();
        assertThat(group.at("/group/0").asText()).startsWith("amy:$7$");
        assertThat(group.at("/_grp/0").asText()).startsWith("$7$");
    }
}
