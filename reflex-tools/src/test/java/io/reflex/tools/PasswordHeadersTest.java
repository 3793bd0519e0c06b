package io.reflex.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -p} reaches the engine's {@code pwin}/{@code pwsin}: a non-master key may read states only with one
 * password of group {@code codes}, and configs only with two.
 */
@Timeout(60)
class PasswordHeadersTest {
  @TempDir static Path dir;
  static RunningEngine engine;
  static TestCli master;
  static String testerKey;

  @BeforeAll
  static void startEngine() throws Exception {
    engine = RunningEngine.start(TestDatabase.SQLITE, dir.resolve("engine"));
    master = TestCli.against(engine.url(), engine.masterKey(), dir.resolve("home"));
    testerKey = master.run("apikey", "create", "tester").out().strip().replaceFirst("(?s).*\\s", "");
    master.run("engine", "group", "create", "codes", "-c", "{\"type\": \"password\", \"group\": [\"amy:pw1\", \"bob:pw2\"]}");
    master.run("engine", "policy", "create", "one-pw", "-c", "{\"policy\": \"token_name == 'tester' and pwin(http_headers, 'codes')\"}");
    master.run("engine", "scope", "create", "one-pw", "-c",
        "{\"policy\": \"one-pw\", \"type\": \"global\", \"actions\": \"read\", \"objects\": [\"State\"], \"matches\": \"True\"}");
    master.run("engine", "policy", "create", "two-pw", "-c", "{\"policy\": \"token_name == 'tester' and pwsin(http_headers, 'codes')\"}");
    master.run("engine", "scope", "create", "two-pw", "-c",
        "{\"policy\": \"two-pw\", \"type\": \"global\", \"actions\": \"read\", \"objects\": [\"Config\"], \"matches\": \"True\"}");
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  private static TestCli tester() {
    return TestCli.against(engine.url(), testerKey, dir.resolve("tester"));
  }

  @Test
  void withoutPasswordThePolicyRefuses() {
    assertThat(tester().run("engine", "state", "list").code()).isEqualTo(3);
  }

  @Test
  void bareOptionAsksForOnePasswordAndSendsXPassword() {
    TestCli tester = tester().secrets("pw1");

    TestCli.Result result = tester.run("engine", "state", "list", "-p");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(tester.secretPrompts()).containsExactly("Password: ");
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThat(tester().run("engine", "state", "list", "--password=nope").code()).isEqualTo(3);
  }

  @Test
  void severalPasswordsGoAsXPasswords() {
    TestCli tester = tester().secrets("pw2");

    TestCli.Result two = tester.run("engine", "config", "list", "-p", "--pwd=pw1");
    TestCli.Result one = tester().run("engine", "config", "list", "--password=pw1");

    assertThat(two.code()).as(two.err()).isZero();
    assertThat(tester.secretPrompts()).containsExactly("Password 1: ");
    assertThat(one.code()).isEqualTo(3);
  }
}
