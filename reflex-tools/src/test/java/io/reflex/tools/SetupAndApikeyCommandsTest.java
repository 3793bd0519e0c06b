package io.reflex.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SetupAndApikeyCommandsTest {
  @TempDir static Path dir;
  static RunningEngine engine;

  @TempDir Path home;

  @BeforeAll
  static void startEngine() throws Exception {
    engine = RunningEngine.start(TestDatabase.SQLITE, dir.resolve("engine"));
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  TestCli master() {
    return TestCli.against(engine.url(), engine.masterKey(), home);
  }

  @Test
  void apikeyCreatePrintsAKeyThatSignsInAndDeleteRevokesIt() {
    TestCli.Result created = master().run("apikey", "create", "robot");
    String key = created.out().substring(created.out().indexOf('\t') + 1).strip();
    TestCli robot = TestCli.against(engine.url(), key, home);

    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).startsWith("new apikey:\n\n\trobot.");
    assertThat(master().run("apikey", "list", "-o", "table").out()).contains("robot");
    assertThat(robot.run("engine", "state", "list").err()).doesNotContain("Sign-in refused");

    assertThat(master().run("apikey", "delete", "robot").code()).isZero();
    TestCli.Result revoked = robot.run("engine", "state", "list");
    assertThat(revoked.code()).isEqualTo(3);
    assertThat(revoked.err()).startsWith("reflex: Sign-in refused for apikey 'robot'");
  }

  @Test
  void setupSetWritesAPrivateProfileThatCommandsUse() throws Exception {
    TestCli cli = new TestCli(home);

    TestCli.Result set = cli.run("setup", "set", "url=" + engine.url(), "apikey=" + engine.masterKey());

    assertThat(set.code()).as(set.err()).isZero();
    assertThat(set.err()).contains("master.****").doesNotContain(secretOf(engine.masterKey()));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.profilesFile()))).isEqualTo("rw-------");
    assertThat(cli.run("engine", "state", "list").code()).isZero();
  }

  @Test
  void setupGetAndListShowTheApikeyMasked() {
    TestCli cli = new TestCli(home);
    cli.run("setup", "set", "url=" + engine.url(), "apikey=" + engine.masterKey());

    TestCli.Result all = cli.run("setup", "get");
    TestCli.Result url = cli.run("setup", "get", "url");
    TestCli.Result list = cli.run("setup", "list", "-o", "table");

    assertThat(all.out()).isEqualTo("export REFLEX_URL=" + engine.url() + "\nexport REFLEX_APIKEY=master.****\n");
    assertThat(url.out()).isEqualTo(engine.url() + "\n");
    assertThat(list.out()).contains("default").contains("*").contains("master.****").doesNotContain(secretOf(engine.masterKey()));
  }

  @Test
  void setupUnsetRemovesTheProfile() {
    TestCli cli = new TestCli(home);
    cli.run("setup", "set", "url=" + engine.url(), "apikey=" + engine.masterKey());

    TestCli.Result unset = cli.run("setup", "unset", "apikey");

    assertThat(unset.code()).isZero();
    assertThat(cli.run("setup", "get").code()).isEqualTo(2);
    assertThat(cli.run("engine", "state", "list").code()).isEqualTo(1);
  }

  @Test
  void setupSetNamedProfileKeepsOthers() {
    TestCli cli = new TestCli(home);
    cli.run("setup", "set", "url=" + engine.url(), "apikey=" + engine.masterKey());

    cli.run("--profile", "other", "setup", "set", "url=http://other:1/api/v1", "apikey=bob.c2VjcmV0");

    assertThat(cli.run("setup", "get", "url").out()).isEqualTo(engine.url() + "\n");
    assertThat(cli.run("setup", "get", "url", "--profile", "other").out()).isEqualTo("http://other:1/api/v1\n");
  }

  @Test
  void setupWizardReadsAnswersFromStdin() {
    TestCli cli = new TestCli(home);

    TestCli.Result wizard = cli.runWithInput("lab\n" + engine.url() + "\n" + engine.masterKey() + "\n", "setup", "wizard");

    assertThat(wizard.code()).as(wizard.err()).isZero();
    assertThat(wizard.err()).contains("Profile name").contains("Engine URL").contains("Apikey");
    assertThat(cli.run("setup", "list").out()).contains("\"profile\": \"lab\"");
    assertThat(cli.run("engine", "state", "list").code()).isZero();
  }

  @Test
  void setupDemoIsIdempotentAndFlattenShowsTheWorkedExampleMasked() throws Exception {
    Path cfgdir = home.resolve("cfg");

    TestCli.Result first = master().run("setup", "demo", "--files", cfgdir.toString());
    TestCli.Result second = master().run("setup", "demo");
    TestCli.Result flat = master().run("config", "flatten", "bct-tst", "--cfgdir", cfgdir.toString(), "-o", "table");

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).contains("Created Config 'bct-tst'").contains("Created Service 'bct-prd'").contains("Created Grp 'bridge'");
    assertThat(second.err()).contains("Exists  Config 'bct-tst'").doesNotContain("Created");
    assertThat(flat.code()).as(flat.err()).isZero();
    assertThat(flat.out())
        .contains("export MONGO-URI=\"****\"")
        .contains("<mongo uri=\"****\" user=\"****\" pass=\"****\"/>")
        .contains("<shared>****</shared>")
        .contains("<url></url>")
        .contains("# file " + cfgdir + "/local.keystore")
        .contains("hidden; --reveal shows them")
        .contains("\"pipeline\": \"bct.")
        .doesNotContain("not a good password")
        .doesNotContain("moar");
    assertThat(flat.err()).contains("Unable to find expansion match for key 'DB_URL'");
  }

  @Test
  void flattenRevealShowsSecrets() throws Exception {
    Path cfgdir = home.resolve("cfg");
    master().run("setup", "demo", "--files", cfgdir.toString());

    TestCli.Result flat = master().run("config", "flatten", "bct-tst", "--cfgdir", cfgdir.toString(), "--reveal", "-o", "table");

    assertThat(flat.out())
        .contains("export MONGO-URI=\"mongodb://test-db/test_db\"")
        .contains("<mongo uri=\"mongodb://test-db/test_db\" user=\"test_user\" pass=\"not a good password\"/>")
        .contains("{\"db\":{\"server\":\"test-db\",\"db\":\"test_db\",\"user\":\"test_user\",\"pass\":\"not a good password\",\"replset\":{\"rs_name\":\"myReplicaSetName\"}}}")
        .contains("not really a keystore object");
  }

  @Test
  void flattenAsJsonMasksEnvironmentFilesAndTheSensitiveTree() throws Exception {
    Path cfgdir = home.resolve("cfg");
    master().run("setup", "demo", "--files", cfgdir.toString());

    TestCli.Result flat = master().run("config", "flatten", "bct-tst", "--cfgdir", cfgdir.toString());
    JsonNode json = new ObjectMapper().readTree(flat.out());

    assertThat(flat.code()).as(flat.err()).isZero();
    assertThat(json.at("/environment/MONGO-URI").asText()).isEqualTo("****");
    assertThat(json.at("/environment/APP_SERVICE").asText()).isEqualTo("bct-tst");
    assertThat(json.at("/config/sensitive/parameters/MONGO-PASS").asText()).isEqualTo("****");
    assertThat(json.at("/config/launch/rundir").asText()).isEqualTo("/app/bct");
    assertThat(json.path("files")).extracting(f -> f.path("config").asText())
        .containsExactly("bct-config1", "bct-config2", "bct-keystore");
    assertThat(flat.out()).doesNotContain("not a good password").doesNotContain("test_user");
  }

  @Test
  void completionPrintsABashScript() {
    TestCli.Result completion = new TestCli(home).run("completion", "bash");

    assertThat(completion.code()).isZero();
    assertThat(completion.out()).contains("complete -F").contains("engine").contains("setup");
  }

  private static String secretOf(String apikey) {
    return apikey.substring(apikey.indexOf('.') + 1);
  }
}
