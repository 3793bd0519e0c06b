package io.reflex.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code app create} on the schemas {@code setup demo} and {@code setup basic} leave, each on a fresh engine. */
@Timeout(90)
class AppAndBasicSetupTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  RunningEngine engine;
  TestCli master;

  @BeforeEach
  void startEngine() throws Exception {
    engine = RunningEngine.start(TestDatabase.SQLITE, dir.resolve("engine"));
    master = TestCli.against(engine.url(), engine.masterKey(), dir.resolve("home"));
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  private static String key(String out, String name) {
    return out.lines().map(String::strip).filter(line -> line.startsWith(name + ".")).findFirst().orElseThrow();
  }

  private TestCli as(String apikey) {
    return TestCli.against(engine.url(), apikey, dir.resolve("as-" + apikey.substring(0, apikey.indexOf('.'))));
  }

  @Test
  void appCreateAfterSetupDemoCreatesServicesPerRegionAndLaneAndScopedKeys() throws Exception {
    assertThat(master.run("setup", "demo").code()).isZero();

    TestCli.Result result = master.run("app", "create", "shop", "--regions=us,eu", "--lanes=tst,prd");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).contains("Skipped lane 'tst' in region 'eu'");
    assertThat(result.out()).contains("new apikey:\n\n\tshop-prd.").contains("new apikey:\n\n\tshop-nonprd.");
    assertThat(JSON.readTree(master.run("engine", "svc", "ls", "shop-", "-s", "name").out()).findValuesAsText("name"))
        .containsExactlyInAnyOrder("shop-t1", "shop-p1", "shop-p2");
    assertThat(master.run("engine", "svc", "get", "shop-p2", "region", "-f", "txt").out()).isEqualTo("eu\n");
    assertThat(master.run("engine", "co", "get", "shop-t1", "setenv.LANE", "-f", "txt").out()).isEqualTo("test\n");

    TestCli prd = as(key(result.out(), "shop-prd"));
    assertThat(prd.run("engine", "svc", "get", "shop-t1").code()).isZero();
    assertThat(prd.run("engine", "svc", "get", "bct-tst").code()).isEqualTo(3);
  }

  @Test
  void eachAppKeyReadsTheSecretsOfItsOwnLanesOnly() {
    master.run("setup", "demo");
    String keys = master.run("app", "create", "shop", "--regions=us", "--lanes=tst,prd").out();
    for (String config : new String[] {"shop-t1", "shop-p1"}) {
      master.run("engine", "co", "merge", config, "-c", "{\"sensitive\": {\"parameters\": {\"K\": \"v\"}}}");
    }
    TestCli prd = as(key(keys, "shop-prd"));
    TestCli nonprd = as(key(keys, "shop-nonprd"));

    assertThat(prd.run("engine", "co", "get", "shop-p1", "sensitive.parameters.K", "-f", "txt").out()).isEqualTo("v\n");
    assertThat(nonprd.run("engine", "co", "get", "shop-t1", "sensitive.parameters.K", "-f", "txt").out()).isEqualTo("v\n");
    assertThat(nonprd.run("engine", "co", "get", "shop-p1", "sensitive.parameters.K", "-f", "txt").out()).isNotEqualTo("v\n");
    assertThat(prd.run("engine", "co", "get", "shop-t1", "sensitive.parameters.K", "-f", "txt").out()).isNotEqualTo("v\n");
  }

  @Test
  void appCreateAgainCreatesOnlyWhatIsMissingAndShowsNoOldKey() {
    master.run("setup", "demo");
    master.run("app", "create", "shop", "--regions=us", "--lanes=prd");

    TestCli.Result again = master.run("app", "add", "shop", "--regions=us", "--lanes=tst,prd", "--tenants=acme");

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).doesNotContain("new apikey");
    assertThat(again.err()).contains("Exists  Apikey 'shop-prd'").contains("Created Service 'shop-acme-t1'").contains("Created Service 'shop-acme-p1'");
  }

  @Test
  void appCreateNeedsTheReflexConfigAndKnownNames() {
    TestCli.Result noConfig = master.run("app", "create", "shop", "--regions=us", "--lanes=prd");
    master.run("setup", "demo");
    TestCli.Result unknown = master.run("app", "create", "shop", "--regions=mars", "--lanes=prd");

    assertThat(noConfig.code()).isEqualTo(2);
    assertThat(noConfig.err()).contains("needs config 'reflex'");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("reflex: Unknown region 'mars'; config 'reflex' has us, eu\n");
  }

  @Test
  void setupBasicAsksForNamesAndCreatesASchemaAppCreateCanUse() {
    TestCli.Result declined = master.runWithInput("ops\nroot\n\n\nn\n", "setup", "basic");
    assertThat(declined.code()).isZero();
    assertThat(declined.err()).contains("Will create").contains("Grp 'ops'").contains("Nothing was created");
    assertThat(master.run("engine", "group", "get", "ops").code()).isEqualTo(2);

    TestCli.Result created = master.runWithInput("ops\nroot\nus:1,ap:3\ndev:d:development,prd:p:production\n", "setup", "basic", "--confirm");

    assertThat(created.code()).as(created.err()).isZero();
    TestCli root = as(key(created.out(), "root"));
    assertThat(root.run("engine", "pipeline", "create", "x", "-c", "{}").code()).isZero();
    TestCli.Result app = root.run("app", "create", "shop", "--regions=ap", "--lanes=dev");
    assertThat(app.code()).as(app.err()).isZero();
    assertThat(master.run("engine", "svc", "get", "shop-d3", "lane", "-f", "txt").out()).isEqualTo("dev\n");
  }
}
