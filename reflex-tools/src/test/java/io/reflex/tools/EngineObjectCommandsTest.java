package io.reflex.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class EngineObjectCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static RunningEngine engine;
  static TestCli cli;

  @BeforeAll
  static void startEngine() throws Exception {
    engine = RunningEngine.start(TestDatabase.SQLITE, dir.resolve("engine"));
    cli = TestCli.against(engine.url(), engine.masterKey(), dir.resolve("home"));
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void createReadsContentOptionAndPrintsTheStoredObject() throws Exception {
    TestCli.Result result = cli.run("engine", "state", "create", "lamp", "-c", "{\"color\": \"red\", \"extra\": {\"a\": 1}}");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).isEqualTo("Created State 'lamp'\n");
    JsonNode printed = json(result.out());
    assertThat(printed.path("color").asText()).isEqualTo("red");
    assertThat(printed.path("extra").path("a").asInt()).isEqualTo(1);
  }

  @Test
  void createReadsStdinWhenNoContentOptionIsGiven() throws Exception {
    TestCli.Result result = cli.runWithInput("{\"size\": 3}", "engine", "state", "cr", "box");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(cli.run("engine", "state", "get", "box", "size", "-f", "txt").out()).isEqualTo("3\n");
  }

  @Test
  void listPrintsTableJsonAndYaml() throws Exception {
    cli.run("engine", "pipeline", "create", "alpha", "-c", "{\"launch\": {\"cfgdir\": \"/a\"}}");
    cli.run("engine", "pipeline", "create", "beta", "-c", "{}");

    TestCli.Result table = cli.run("engine", "pi", "ls", "-o", "table");
    TestCli.Result jsonOut = cli.run("engine", "pipeline", "list");
    TestCli.Result yaml = cli.run("engine", "pipeline", "list", "--output", "yaml");

    assertThat(table.out().lines().findFirst()).contains("NAME   ID");
    assertThat(table.out()).contains("alpha").contains("beta");
    JsonNode rows = json(jsonOut.out());
    assertThat(rows.isArray()).isTrue();
    assertThat(rows.findValuesAsText("name")).contains("alpha", "beta");
    assertThat(yaml.out()).contains("- name: alpha").contains("  id: ");
  }

  @Test
  void outputDefaultsToATableOnATerminalAndJsonOtherwise() throws Exception {
    cli.run("engine", "state", "create", "tty", "-c", "{}");

    TestCli.Result onTerminal = TestCli.against(engine.url(), engine.masterKey(), dir.resolve("home")).terminal(true).run("engine", "state", "list", "tty");
    TestCli.Result piped = cli.run("engine", "state", "list", "tty");

    assertThat(onTerminal.out()).startsWith("NAME").contains("tty");
    assertThat(json(piped.out()).get(0).path("name").asText()).isEqualTo("tty");
  }

  @Test
  void globalOptionsWorkBeforeAndAfterEveryCommandName() {
    cli.run("engine", "state", "create", "anywhere", "-c", "{}");

    for (String[] args : new String[][] {
        {"-o", "yaml", "engine", "state", "list", "anywhere"},
        {"engine", "-o", "yaml", "state", "list", "anywhere"},
        {"engine", "state", "-o", "yaml", "list", "anywhere"},
        {"engine", "state", "list", "anywhere", "-o", "yaml"}}) {
      assertThat(cli.run(args).out()).as(String.join(" ", args)).startsWith("- name: anywhere");
    }
  }

  @Test
  void getArchiveShowsTheVersionWrittenAtThatTime() throws Exception {
    cli.run("engine", "config", "create", "dated", "-c", "{\"type\": \"parameter\", \"v\": 1}");
    String firstWrite = cli.run("engine", "config", "get", "dated", "updated_at", "-f", "txt").out().strip();
    Thread.sleep(1100);
    cli.run("engine", "config", "merge", "dated", "-c", "{\"v\": 2}");

    TestCli.Result old = cli.run("engine", "config", "get", "dated", "v", "--archive", firstWrite, "-f", "txt");

    assertThat(old.code()).as(old.err()).isZero();
    assertThat(old.out()).isEqualTo("1\n");
    assertThat(cli.run("engine", "config", "get", "dated", "v", "-f", "txt").out()).isEqualTo("2\n");
  }

  @Test
  void listFiltersByPrefixGlobRegexAndExpressionAndDigsIntoShownColumns() throws Exception {
    cli.run("engine", "service", "create", "web-tst", "-c", "{\"pipeline\": \"p\", \"config\": \"c\", \"lane\": \"tst\"}");
    cli.run("engine", "service", "create", "web-prd", "-c", "{\"pipeline\": \"p\", \"config\": \"c\", \"lane\": \"prd\", \"deploy\": {\"replicas\": 3}}");
    cli.run("engine", "service", "create", "api-prd", "-c", "{\"pipeline\": \"p\", \"config\": \"c\", \"lane\": \"prd\"}");

    assertThat(names(cli.run("engine", "svc", "list", "web"))).containsExactlyInAnyOrder("web-tst", "web-prd");
    assertThat(names(cli.run("engine", "svc", "list", "*-prd"))).containsExactlyInAnyOrder("web-prd", "api-prd");
    assertThat(names(cli.run("engine", "svc", "list", "^(api|web)-p"))).containsExactlyInAnyOrder("web-prd", "api-prd");
    assertThat(names(cli.run("engine", "svc", "list", "-e", "obj.lane == 'prd' and obj.name.startswith('web')")))
        .containsExactly("web-prd");

    JsonNode shown = json(cli.run("engine", "svc", "list", "web-prd", "-s", "name,deploy.replicas,lane").out());
    assertThat(shown.get(0).path("deploy.replicas").asInt()).isEqualTo(3);
    assertThat(shown.get(0).path("lane").asText()).isEqualTo("prd");
  }

  @Test
  void getPrintsSortedJsonAKeyPathOrRawText() throws Exception {
    cli.run("engine", "pipeline", "create", "gamma", "-c", "{\"zeta\": 1, \"launch\": {\"rundir\": \"/app/g\"}}");

    TestCli.Result whole = cli.run("engine", "pipeline", "get", "gamma");
    TestCli.Result key = cli.run("engine", "pipeline", "get", "gamma", "obj.launch");
    TestCli.Result text = cli.run("engine", "pipeline", "get", "gamma", "launch.rundir", "-f", "txt");

    assertThat(whole.out().indexOf("\"launch\"")).isLessThan(whole.out().indexOf("\"zeta\""));
    assertThat(json(key.out()).path("rundir").asText()).isEqualTo("/app/g");
    assertThat(text.out()).isEqualTo("/app/g\n");
  }

  @Test
  void updateReplacesAndMergeKeepsOtherFields() throws Exception {
    cli.run("engine", "state", "create", "door", "-c", "{\"open\": false, \"lock\": {\"kind\": \"key\", \"code\": 1}}");

    TestCli.Result merge = cli.run("engine", "state", "merge", "door", "-c", "{\"lock\": {\"code\": 2}}");
    JsonNode merged = json(cli.run("engine", "state", "get", "door").out());
    TestCli.Result update = cli.run("engine", "state", "update", "door", "-c", "{\"open\": true}");
    JsonNode replaced = json(cli.run("engine", "state", "get", "door").out());

    assertThat(merge.code()).as(merge.err()).isZero();
    assertThat(merged.path("lock").path("kind").asText()).isEqualTo("key");
    assertThat(merged.path("lock").path("code").asInt()).isEqualTo(2);
    assertThat(update.code()).as(update.err()).isZero();
    assertThat(update.err()).isEqualTo("Updated State 'door'\n");
    assertThat(replaced.has("lock")).isFalse();
    assertThat(replaced.path("open").asBoolean()).isTrue();
  }

  @Test
  void deleteRemovesTheObject() {
    cli.run("engine", "state", "create", "gone", "-c", "{}");

    TestCli.Result delete = cli.run("engine", "state", "rm", "gone");

    assertThat(delete.err()).isEqualTo("Deleted State 'gone'\n");
    assertThat(delete.out()).isEmpty();
    assertThat(cli.run("engine", "state", "get", "gone").code()).isEqualTo(2);
  }

  @Test
  void copyCreatesTheTargetAndRefusesAnExistingOne() throws Exception {
    cli.run("engine", "config", "create", "src", "-c", "{\"type\": \"parameter\", \"setenv\": {\"A\": \"1\"}}");

    TestCli.Result copy = cli.run("engine", "config", "copy", "src", "dst");
    TestCli.Result again = cli.run("engine", "config", "cp", "src", "dst");

    assertThat(copy.code()).as(copy.err()).isZero();
    assertThat(json(cli.run("engine", "cfg", "get", "dst").out()).path("setenv").path("A").asText()).isEqualTo("1");
    assertThat(again.code()).isEqualTo(5);
    assertThat(again.err()).isEqualTo("reflex: Config 'dst' already exists; delete it first or use update\n");
  }

  @Test
  void sliceUnitesKeyValuesOfMatchingObjects() throws Exception {
    cli.run("engine", "group", "create", "team-a", "-c", "{\"type\": \"set\", \"group\": [\"ann\", \"bob\"], \"tier\": 1}");
    cli.run("engine", "group", "create", "team-b", "-c", "{\"type\": \"set\", \"group\": [\"bob\", \"cy\"], \"tier\": 1}");
    cli.run("engine", "group", "create", "team-c", "-c", "{\"type\": \"set\", \"group\": [\"dee\"], \"tier\": 2}");

    TestCli.Result slice = cli.run("engine", "grp", "slice", "team", "obj.tier == 1", "group");

    assertThat(json(slice.out()).toString()).isEqualTo("[\"ann\",\"bob\",\"cy\"]");
  }

  @Test
  void listArchiveShowsEarlierVersions() throws Exception {
    cli.run("engine", "config", "create", "versioned", "-c", "{\"type\": \"parameter\", \"v\": 1}");
    cli.run("engine", "config", "merge", "versioned", "-c", "{\"v\": 2}");

    TestCli.Result archive = cli.run("engine", "config", "list", "versioned", "--archive", "1 day ago~now");

    assertThat(archive.code()).as(archive.err()).isZero();
    JsonNode rows = json(archive.out());
    assertThat(rows.size()).isGreaterThanOrEqualTo(1);
    assertThat(rows.get(0).has("updated_at")).isTrue();
  }

  private static java.util.List<String> names(TestCli.Result result) throws Exception {
    assertThat(result.code()).as(result.err()).isZero();
    return json(result.out()).findValuesAsText("name");
  }
}
