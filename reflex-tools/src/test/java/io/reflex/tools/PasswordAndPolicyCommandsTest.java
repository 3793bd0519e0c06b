package io.reflex.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PasswordAndPolicyCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static RunningEngine engine;
  static TestCli master;

  @BeforeAll
  static void startEngine() throws Exception {
    engine = RunningEngine.start(TestDatabase.SQLITE, dir.resolve("engine"));
    master = TestCli.against(engine.url(), engine.masterKey(), dir.resolve("home"));
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  private static List<String> members(String group) throws Exception {
    List<String> members = new ArrayList<>();
    JSON.readTree(master.run("engine", "group", "get", group, "group").out()).forEach(m -> members.add(m.asText()));
    return members;
  }

  @Test
  void passwordReplacesOneMemberAndTheNewPasswordOpensThePolicy() throws Exception {
    master.run("engine", "group", "create", "vault", "-c", "{\"type\": \"password\", \"group\": [\"amy:old\", \"bob:other\"]}");
    String tester = master.run("apikey", "create", "vaulter").out().strip().replaceFirst("(?s).*\\s", "");
    master.run("engine", "policy", "create", "vault-pw", "-c", "{\"policy\": \"token_name == 'vaulter' and pwin(http_headers, 'vault')\"}");
    master.run("engine", "scope", "create", "vault-pw", "-c",
        "{\"policy\": \"vault-pw\", \"type\": \"global\", \"actions\": \"read\", \"objects\": [\"Build\"], \"matches\": \"True\"}");
    String bob = members("vault").stream().filter(m -> m.startsWith("bob:")).findFirst().orElseThrow();
    TestCli cli = TestCli.against(engine.url(), engine.masterKey(), dir.resolve("home")).secrets("n3w", "n3w");

    TestCli.Result result = cli.run("password", "vault", "Amy");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(cli.secretPrompts()).containsExactly("New password for Amy: ", "Again: ");
    assertThat(members("vault")).hasSize(2).contains(bob).anySatisfy(m -> assertThat(m).startsWith("amy:$7$"));
    TestCli asTester = TestCli.against(engine.url(), tester, dir.resolve("tester"));
    assertThat(asTester.run("engine", "build", "list", "--password=old").code()).isEqualTo(3);
    assertThat(asTester.run("engine", "build", "list", "--password=n3w").code()).isZero();
  }

  @Test
  void passwordAddsAMissingMember() throws Exception {
    master.run("engine", "group", "create", "door", "-c", "{\"type\": \"password\", \"group\": [\"amy:old\"]}");

    TestCli.Result result = TestCli.against(engine.url(), engine.masterKey(), dir.resolve("home")).secrets("pw", "pw").run("password", "door", "cid");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(members("door")).hasSize(2).anySatisfy(m -> assertThat(m).startsWith("cid:$7$"));
  }

  @Test
  void passwordRefusesDifferentAnswersAndOtherGroups() throws Exception {
    master.run("engine", "group", "create", "gate", "-c", "{\"type\": \"password\", \"group\": [\"amy:old\"]}");
    master.run("engine", "group", "create", "crew", "-c", "{\"type\": \"set\", \"group\": [\"amy\"]}");
    List<String> before = members("gate");

    TestCli.Result differ = TestCli.against(engine.url(), engine.masterKey(), dir.resolve("home")).secrets("a", "b").run("password", "gate", "amy");
    TestCli.Result notPassword = master.run("password", "crew", "amy");

    assertThat(differ.code()).isEqualTo(1);
    assertThat(differ.err()).isEqualTo("reflex: The passwords differ; nothing was changed\n");
    assertThat(members("gate")).isEqualTo(before);
    assertThat(notPassword.code()).isEqualTo(5);
    assertThat(notPassword.err()).contains("not a password group");
  }

  @Test
  void policyListShowsEachPolicyWithTheScopesThatMapIt() throws Exception {
    master.run("engine", "policy", "create", "pl-read", "-c", "{\"policy\": \"token_name == 'x'\"}");
    master.run("engine", "policy", "create", "pl-unused", "-c", "{\"policy\": \"False\", \"result\": \"fail\"}");
    master.run("engine", "scope", "create", "pl-configs", "-c",
        "{\"policy\": \"pl-read\", \"type\": \"global\", \"actions\": \"read\", \"objects\": [\"Config\"], \"matches\": \"True\"}");
    master.run("engine", "scope", "create", "pl-states", "-c",
        "{\"policy\": \"pl-read\", \"type\": \"targeted\", \"actions\": \"read,write\", \"objects\": [\"State\"], \"matches\": \"obj['name'] == 'a'\"}");

    TestCli.Result result = master.run("policy", "list");
    TestCli.Result table = master.run("policy", "ls", "-o", "table");

    assertThat(result.code()).as(result.err()).isZero();
    List<String> rows = new ArrayList<>();
    for (JsonNode row : JSON.readTree(result.out())) {
      if (row.path("policy").asText().startsWith("pl-")) {
        rows.add(row.path("policy").asText() + "|" + row.path("scope").asText("") + "|" + row.path("type").asText("") + "|"
            + row.path("actions").asText("") + "|" + row.path("objects") + "|" + row.path("matches").asText(""));
      }
    }
    assertThat(rows).containsExactly(
        "pl-read|pl-configs|global|read|[\"Config\"]|True",
        "pl-read|pl-states|targeted|read,write|[\"State\"]|obj['name'] == 'a'",
        "pl-unused||||null|");
    assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("POLICY").contains("SCOPE").contains("MATCHES");
  }
}
