package io.reflex.engine.api;

import static io.reflex.engine.api.EngineFixture.assertFailed;
import static io.reflex.engine.api.EngineFixture.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.engine.testing.WireClient;
import io.reflex.engine.testing.WireClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every object type through create, get, list, update, merge and delete, and every bad input on the way. */
interface ObjectsContract extends EngineFixture {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pipeline    | {\"launch\": {\"exec\": [\"/bin/true\"]}, \"title\": \"T\"}",
        "config      | {\"type\": \"parameter\", \"setenv\": {\"A\": \"1\"}, \"stage\": \"x\"}",
        "build       | {\"application\": \"app\", \"version\": \"1.2\", \"status\": {\"test\": \"success\"}}",
        "state       | {\"anything\": [1, 2, {\"deep\": true}]}",
        "group       | {\"type\": \"set\", \"group\": [\"Alice\", \"bob\", \"alice\"]}",
        "instance    | {\"service\": \"none\", \"status\": \"ok\", \"address\": {\"host\": \"h\"}}",
    })
    default void everyTypeRoundTripsWithExtraFieldsKept(String type, String body) throws Exception {
        String name = unique(type);
        String create = body.replaceFirst("\\{", "{\"name\": \"" + name + "\", ");
        assertStatus(post("/" + type, create), 201);
        Answer got = get("/" + type + "/" + name);
        assertStatus(got, 200);
        JsonNode object = got.json();
        assertThat(object.get("name").asText()).isEqualTo(name);
        assertThat(object.get("updated_by").asText()).isEqualTo("100");
        assertThat(object.get("updated_at").asText()).matches("[0-9]+\\.0");
        JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        sent.fieldNames().forEachRemaining(field -> {
            if (!field.equals("group") && !field.equals("service")) {
                assertThat(object.get(field)).as(field).isEqualTo(sent.get(field));
            }
        });
        Answer listed = get("/" + type + "/?match=" + name + "&cols=name,updated_at");
        assertThat(listed.json().get(0).get("updated_at").isNumber()).isTrue();
        assertThat(get("/" + type + "/" + object.get("id").asLong()).json().get("name").asText()).isEqualTo(name);
        assertStatus(delete("/" + type + "/" + name), 200);
        assertFailed(get("/" + type + "/" + name), 404, "Unable to load " + table(type) + ": " + name);
    }

    private static String table(String type) {
        return type.equals("group") ? "Grp" : Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    @Test
    default void groupsOfTypeSetAreLowercasedAndDeduplicated() {
        String name = unique("grp");
        assertStatus(post("/group", "{\"name\": \"" + name + "\", \"type\": \"SET\", \"group\": [\"Alice\", \"bob\", \"alice\"]}"), 201);
        JsonNode group = get("/group/" + name).json();
        assertThat(group.get("type").asText()).isEqualTo("set");
        assertThat(group.get("group")).hasSize(2);
        assertThat(group.get("_grp").toString()).isEqualTo("[\"alice\",\"bob\"]");
    }

    @Test
    default void softReferencesBecomeNameDotIdWithHardIdColumns() {
        String pipeline = unique("pipe");
        String config = unique("cfg");
        assertStatus(post("/pipeline", "{\"name\": \"" + pipeline + "\"}"), 201);
        assertStatus(post("/config", "{\"name\": \"" + config + "\", \"type\": \"parameter\"}"), 201);
        String service = unique("svc");
        Answer created = post("/service", "{\"name\": \"" + service + "\", \"pipeline\": \"" + pipeline + "\","
                + " \"config\": \"" + config + "\", \"active-instances\": [\"ghost\"]}");
        assertStatus(created, 201);
        assertThat(created.json().get("warning").asText()).isEqualTo("Instance:ghost not found");
        JsonNode svc = get("/service/" + service).json();
        long pipelineId = get("/pipeline/" + pipeline).json().get("id").asLong();
        assertThat(svc.get("pipeline").asText()).isEqualTo(pipeline + "." + pipelineId);
        assertThat(svc.get("pipeline_id").asLong()).isEqualTo(pipelineId);
        assertThat(svc.get("config_id").asLong()).isPositive();
        assertThat(svc.get("active-instances").get(0).asText()).isEqualTo("ghost.notfound");
        Answer missing = post("/service", "{\"name\": \"" + unique("svc") + "\", \"pipeline\": \"nope\", \"config\": \"" + config + "\"}");
        assertThat(missing.json().get("warning").asText()).isEqualTo("Pipeline:nope not found");
    }

    @Test
    default void putUpsertsByNameRenamesByIdAndAnswersNoChange() {
        String name = unique("st");
        assertThat(put("/state/" + name, "{\"k\": 1}").json().get("status").asText()).isEqualTo("updated");
        long id = get("/state/" + name).json().get("id").asLong();
        String renamed = unique("st");
        assertStatus(put("/state/" + id, "{\"name\": \"" + renamed + "\", \"k\": 1}"), 201);
        assertThat(get("/state/" + renamed).json().get("id").asLong()).isEqualTo(id);
        assertFailed(put("/state/" + renamed, "{\"k\": 1}"), 202, "No changes were made");
        assertFailed(put("/state/999999", "{\"k\": 1}"), 404, "Unable to load State: 999999");
        assertFailed(put("/state/dot.cfg", "{\"k\": 1}"), 400, "Invalid name 'dot.cfg': must not start with a digit or contain '.'");
    }

    @Test
    default void renameOntoAnExistingNameIsRefused() {
        String a = unique("st");
        String b = unique("st");
        assertStatus(post("/state", "{\"name\": \"" + a + "\"}"), 201);
        assertStatus(post("/state", "{\"name\": \"" + b + "\"}"), 201);
        long id = get("/state/" + a).json().get("id").asLong();
        assertFailed(put("/state/" + id, "{\"name\": \"" + b + "\"}"), 400, "State named `" + b + "` already exists");
    }

    @Test
    default void mergeIsDeepForObjectsAndReplacesArrays() {
        String name = unique("st");
        assertStatus(post("/state", "{\"name\": \"" + name + "\", \"o\": {\"a\": 1, \"b\": {\"c\": 2}}, \"l\": [1, 2]}"), 201);
        assertStatus(put("/state/" + name + "?merge=true", "{\"o\": {\"b\": {\"d\": 3}}, \"l\": [9]}"), 201);
        JsonNode merged = get("/state/" + name).json();
        assertThat(merged.get("o").toString()).isEqualTo("{\"a\":1,\"b\":{\"c\":2,\"d\":3}}");
        assertThat(merged.get("l").toString()).isEqualTo("[9]");
    }

    @Test
    default void concurrentMergesOfOneObjectLoseNothing() throws Exception {
        String name = unique("st");
        assertStatus(post("/state", "{\"name\": \"" + name + "\", \"keys\": {}}"), 201);
        int writers = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String body = "{\"keys\": {\"k" + i + "\": " + i + "}}";
                answers.add(pool.submit(() -> put("/state/" + name + "?merge=true", body)));
            }
            for (Future<Answer> answer : answers) {
                assertStatus(answer.get(), 201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(get("/state/" + name).json().get("keys")).hasSize(writers);
    }

    @Test
    default void staleIfMatchIsRefusedWithPreconditionFailed() {
        String name = unique("st");
        assertStatus(post("/state", "{\"name\": \"" + name + "\", \"v\": 1}"), 201);
        String etag = get("/state/" + name).header("ETag").orElseThrow();
        Map<String, String> headers = new java.util.HashMap<>(WireClient.authHeaders(master()));
        headers.put("If-Match", etag);
        assertStatus(wire().send("PUT", "/state/" + name, headers, "{\"v\": 2}"), 201);
        Map<String, String> again = new java.util.HashMap<>(WireClient.authHeaders(master()));
        again.put("If-Match", etag);
        Answer stale = wire().send("PUT", "/state/" + name, again, "{\"v\": 3}");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(get("/state/" + name).json().get("v").asInt()).isEqualTo(2);
    }

    @Test
    default void listSupportsGlobsColsAndEmptyAnswers() {
        String prefix = unique("glob");
        assertStatus(post("/state", "{\"name\": \"" + prefix + "-a\", \"x\": 1}"), 201);
        assertStatus(post("/state", "{\"name\": \"" + prefix + "-b\", \"x\": 2}"), 201);
        assertThat(get("/state/?match=" + prefix + "-*").json()).hasSize(2);
        assertThat(get("/state/?match=" + prefix + "-?").json()).hasSize(2);
        JsonNode cols = get("/state/?match=" + prefix + "&cols=x").json().get(0);
        assertThat(cols.toString()).isEqualTo("{\"id\":" + cols.get("id") + ",\"x\":1}");
        Answer allColumns = get("/state/?match=" + prefix + "&cols=*");
        JsonNode all = allColumns.json().get(1);
        assertThat(all.get("x").asInt()).isEqualTo(2);
        assertThat(all.get("updated_at").isNumber()).isTrue();
        assertThat(allColumns.body()).containsPattern("\"updated_at\": [0-9]{10}\\.0[,}]");
        Answer none = get("/state/?match=" + prefix + "-zzz");
        assertThat(none.status()).isEqualTo(204);
        assertThat(none.body()).isEmpty();
        assertFailed(get("/state/?match=a.b"), 400, "match may only be a-z0-9-");
    }

    @Test
    default void archivesKeepEveryReplacedVersion() throws Exception {
        String name = unique("cfg");
        assertStatus(post("/config", "{\"name\": \"" + name + "\", \"type\": \"parameter\", \"setenv\": {\"V\": \"1\"}}"), 201);
        long first = Long.parseLong(get("/config/" + name).json().get("updated_at").asText().replace(".0", ""));
        while (java.time.Instant.now().getEpochSecond() <= first) {
            Thread.sleep(50);
        }
        assertStatus(put("/config/" + name, "{\"type\": \"parameter\", \"setenv\": {\"V\": \"2\"}}"), 201);
        assertThat(get("/config/?archive=0~9999999999&match=" + name).json()).hasSize(1);
        assertThat(get("/config/" + name + "?archive=" + first).json().at("/setenv/V").asText()).isEqualTo("1");
        assertFailed(get("/config/" + name + "?archive=" + first + ".5"), 404, "Unable to load Config: " + name);
        assertFailed(get("/config/?archive=yesterday"), 400, "Invalid archive dates (not POSIX time)");
        assertFailed(get("/state/?archive=0~1"), 400, "State does not support archives");
        long id = get("/config/" + name).json().get("id").asLong();
        assertStatus(delete("/config/" + name), 200);
        assertThat(get("/config/" + id + "?archive=" + first).json().at("/setenv/V").asText()).isEqualTo("1");
    }

    @Test
    default void invalidBodiesAndNamesAreRefusedWithClearMessages() {
        assertFailed(post("/service", "{\"name\": \"" + unique("svc") + "\", \"config\": \"x\"}"), 400,
                "Object validate: missing 'pipeline'");
        assertFailed(post("/pipeline", "{\"name\": \"" + unique("p") + "\", \"launch\": []}"), 400,
                "Object load: `launch` is not type=<class 'dict'>");
        assertFailed(post("/config", "{\"name\": \"" + unique("c") + "\", \"type\": \"yaml\"}"), 400,
                "Invalid type=yaml not one of: parameter or file");
        assertFailed(post("/instance", "{\"name\": \"" + unique("i") + "\", \"service\": \"s\", \"status\": \"ok\", \"address\": \"x\"}"),
                400, "Object load: `address` is not type=<class 'dict'>");
        assertFailed(post("/state", "{\"name\": \"9lives\"}"), 400, "Invalid name '9lives': must not start with a digit or contain '.'");
        assertFailed(post("/state", "{\"name\": \"a.b\"}"), 400, "Invalid name 'a.b': must not start with a digit or contain '.'");
        assertFailed(post("/state", "{\"name\": \"" + "x".repeat(65) + "\"}"), 400, "name is longer than 64 characters");
        assertFailed(post("/state", "{\"name\": 12}"), 400, "Invalid name '12': must be a string");
        assertFailed(post("/state", "{}"), 400, "Object validate: missing 'name'");
        assertFailed(post("/state", "[1, 2]"), 400, "body must be a JSON object");
        assertFailed(post("/state", "{\"name\": \"x\","), 400, "Invalid JSON document");
        assertFailed(post("/state", ""), 400, "Invalid JSON document");
        assertFailed(get("/state/12abc"), 400, "Invalid target '12abc'");
        String exists = unique("st");
        assertStatus(post("/state", "{\"name\": \"" + exists + "\"}"), 201);
        assertFailed(post("/state", "{\"name\": \"" + exists + "\"}"), 400, "State named `" + exists + "` already exists");
    }

    @Test
    default void frameworkLevelErrorsAreJsonToo() {
        Map<String, String> auth = WireClient.authHeaders(master());
        Map<String, String> textPlain = new java.util.HashMap<>(auth);
        textPlain.put("Content-Type", "text/plain");
        Answer wrongType = wire().send("POST", "/state", textPlain, "{\"name\": \"x\"}");
        assertThat(wrongType.status()).isEqualTo(415);
        assertFailed(get("/nosuchtype/"), 404, "Not found");
        assertFailed(wire().send("GET", "/../other", Map.of(), null), 404, "Not found");
        assertFailed(wire().send("OPTIONS", "/state/", auth, null), 405, "Method not allowed");
        Answer noTarget = put("/state/", "{\"a\": 1}");
        assertThat(noTarget.status()).isEqualTo(404);
        assertThat(noTarget.json().toString()).isEqualTo("{\"status\":\"failed\"}");
        assertFailed(delete("/state/" + unique("missing")), 404, "Target not found");
        String big = "{\"name\": \"big\", \"blob\": \"" + "x".repeat(5 << 20) + "\"}";
        assertThat(post("/state", big).status()).isEqualTo(413);
        assertThat(get("/state/big").status()).isEqualTo(404);
    }

    @Test
    default void answersUseThePythonSeparatorsAndSecurityHeaders() {
        Answer answer = post("/state", "{\"name\": \"" + unique("st") + "\"}");
        assertThat(answer.body()).isEqualTo("{\"status\": \"created\"}");
        assertThat(answer.header("X-Frame-Options")).contains("DENY");
        assertThat(answer.header("X-Xss-Protection")).contains("1; mode=block");
        assertThat(answer.header("Content-Security-Policy")).contains("default-src='self'");
        String name = unique("caf");
        assertStatus(post("/state", "{\"name\": \"" + name + "\", \"label\": \"caf\u00e9\"}"), 201);
        assertThat(get("/state/" + name).body()).contains("\"label\": \"caf\\u00e9\"");
    }

    @Test
    default void instancePingInsertsRecordsCallerAddressAndRepeatsAsNoChange() {
        String name = unique("inst");
        Map<String, String> headers = new java.util.HashMap<>(WireClient.authHeaders(master()));
        headers.put("X-Forwarded-For", "198.51.100.7");
        String body = "{\"status\": \"ok\", \"service\": \"nosvc\", \"address\": {\"host\": \"h\"}}";
        assertStatus(wire().send("PUT", "/instance-ping/" + name, headers, body), 201);
        JsonNode instance = get("/instance/" + name).json();
        assertThat(instance.at("/address/ping-from-ip").asText()).isEqualTo("198.51.100.7");
        assertThat(instance.get("service_id").asLong()).isZero();
        Map<String, String> again = new java.util.HashMap<>(WireClient.authHeaders(master()));
        again.put("X-Forwarded-For", "198.51.100.7");
        assertFailed(wire().send("PUT", "/instance-ping/" + name, again, body), 202, "No changes were made");
        assertFailed(put("/instance-ping/" + name, "{\"address\": \"x\"}"), 400, "address is not an object");
    }

    @Test
    default void headAnswersLikeGetWithoutBody() {
        Answer head = wire().call(master(), "HEAD", "/policy/master", null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length").map(Integer::parseInt)).hasValueSatisfying(n -> assertThat(n).isPositive());
    }
}
