package io.reflex.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code reflex services}: the instances of a service as a table or JSON, from a real engine. */
@Timeout(60)
class ServicesCommandTest {
  @TempDir static Path dir;
  static RunningEngine engine;
  static TestCli cli;

  @BeforeAll
  static void startEngine() throws Exception {
    engine = RunningEngine.start(TestDatabase.SQLITE, dir.resolve("engine"));
    cli = TestCli.against(engine.url(), engine.masterKey(), dir.resolve("home"));
    ReflexClient client = ReflexClient.create(engine.url(), engine.masterKey());
    client.create(ObjectType.SERVICE, ReflexObject.parse("{\"name\": \"api\", \"pipeline\": \"p\", \"config\": \"c\"}"));
    client.create(ObjectType.SERVICE, ReflexObject.parse("{\"name\": \"db\", \"pipeline\": \"p\", \"config\": \"c\"}"));
    client.create(ObjectType.SERVICE, ReflexObject.parse("{\"name\": \"idle\", \"pipeline\": \"p\", \"config\": \"c\"}"));
    ping(client, "api-h2", "api", "failed", "\"host\": \"h2\", \"port\": 8002", ", \"color\": 3");
    ping(client, "api-h1", "api", "ok", "\"host\": \"h1\", \"port\": 8001", "");
    ping(client, "db-h1", "db", "ok", "\"host\": \"h1\"", "");
  }

  private static void ping(ReflexClient client, String name, String service, String status, String address, String extra) {
    client.pingInstance(name, ReflexObject.parse("{\"status\": \"" + status + "\", \"service\": \"" + service + "\","
        + " \"address\": {" + address + "}, \"lifecycle\": {\"state\": \"ready\", \"version\": \"1.0\","
        + " \"started\": \"2026-11-21T20:00:00Z\"" + extra + "}}"));
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void listsOneServicesInstancesAsATable() {
    TestCli.Result result = cli.run("services", "api", "-o", "table");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("""
        NAME    SERVICE  HOST  PORT  STATUS  STATE  COLOR  VERSION  STARTED
        api-h1  api      h1    8001  ok      ready         1.0      2026-11-21T20:00:00Z
        api-h2  api      h2    8002  failed  ready  3      1.0      2026-11-21T20:00:00Z
        """);
  }

  @Test
  void listsEveryServicesInstancesAsJson() throws Exception {
    TestCli.Result result = cli.run("services", "-o", "json");

    assertThat(result.code()).as(result.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(result.out());
    assertThat(rows).extracting(row -> row.path("name").asText()).containsExactly("api-h1", "api-h2", "db-h1");
    assertThat(rows.get(2).toString()).isEqualTo("{\"name\":\"db-h1\",\"service\":\"db\",\"host\":\"h1\",\"port\":null,"
        + "\"status\":\"ok\",\"state\":\"ready\",\"color\":null,\"version\":\"1.0\",\"started\":\"2026-11-21T20:00:00Z\"}");
  }

  @Test
  void aServiceWithoutInstancesIsAnEmptyListAndAnUnknownOneExits2() {
    TestCli.Result idle = cli.run("services", "idle", "-o", "json");
    TestCli.Result unknown = cli.run("services", "nosuch");

    assertThat(idle.code()).isZero();
    assertThat(idle.out()).isEqualTo("[ ]\n");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("reflex: No service named nosuch\n");
  }
}
