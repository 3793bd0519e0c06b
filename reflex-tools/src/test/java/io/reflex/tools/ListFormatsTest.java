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

/** {@code list -f}, {@code --stdout}/{@code --stderr} and the stand-alone program names. */
@Timeout(60)
class ListFormatsTest {
  @TempDir static Path dir;
  static RunningEngine engine;
  static TestCli cli;

  @BeforeAll
  static void startEngine() throws Exception {
    engine = RunningEngine.start(TestDatabase.SQLITE, dir.resolve("engine"));
    cli = TestCli.against(engine.url(), engine.masterKey(), dir.resolve("home"));
    cli.run("engine", "svc", "create", "fmt-a", "-c", "{\"pipeline\": \"p\", \"config\": \"c\", \"lane\": \"tst\", \"title\": \"A, \\\"quoted\\\"\"}");
    cli.run("engine", "svc", "create", "fmt-b", "-c", "{\"pipeline\": \"p\", \"config\": \"c\", \"lane\": \"prd\", \"title\": \"tab\\there\"}");
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void formatListPrintsCellsWithoutHeader() {
    TestCli.Result result = cli.run("engine", "svc", "ls", "fmt", "-s", "name,lane", "-f", "list");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("fmt-a tst\nfmt-b prd\n");
  }

  @Test
  void formatCsvQuotesAndTsvEscapes() {
    TestCli.Result csv = cli.run("engine", "svc", "ls", "fmt", "-s", "name,title", "-f", "csv");
    TestCli.Result tsv = cli.run("engine", "svc", "ls", "fmt", "-s", "name,title", "-f", "tsv");

    assertThat(csv.out()).isEqualTo("name,title\nfmt-a,\"A, \"\"quoted\"\"\"\nfmt-b,tab\there\n");
    assertThat(tsv.out()).isEqualTo("name\ttitle\nfmt-a\tA, \"quoted\"\nfmt-b\ttab\\there\n");
  }

  @Test
  void formatOverridesOutputAndTxtIsTheTable() {
    TestCli.Result txt = cli.run("engine", "svc", "ls", "fmt", "-o", "yaml", "-f", "txt");
    TestCli.Result json = cli.run("engine", "svc", "ls", "fmt", "-o", "table", "-f", "json");

    assertThat(txt.out()).startsWith("NAME   ID");
    assertThat(json.out()).startsWith("[");
  }

  @Test
  void outputAcceptsTheRowFormatsForOtherListsToo() {
    TestCli.Result result = cli.run("apikey", "list", "-o", "list");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("master ");
  }

  @Test
  void stdoutAndStderrSplitColumns() {
    TestCli.Result result = cli.run("engine", "svc", "ls", "fmt", "-f", "list", "--stderr", "lane");
    TestCli.Result both = cli.run("engine", "svc", "ls", "fmt", "-f", "csv", "--out", "lane", "--err", "name");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).matches("fmt-a \\d+\nfmt-b \\d+\n");
    assertThat(result.err()).isEqualTo("tst\nprd\n");
    assertThat(both.out()).isEqualTo("lane\ntst\nprd\n");
    assertThat(both.err()).isEqualTo("name\nfmt-a\nfmt-b\n");
  }

  @Test
  void everyColumnOnStderrLeavesStdoutEmpty() {
    TestCli.Result result = cli.run("engine", "svc", "ls", "fmt", "-f", "list", "-s", "name", "--stderr", "name");

    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("fmt-a\nfmt-b\n");
  }

  @Test
  void programNameRunsItsScope() {
    TestCli.Result rxe = cli.run("--as", "/usr/local/bin/rxe", "svc", "ls", "fmt", "-f", "list", "-s", "name");
    TestCli.Result engineName = cli.run("--as=engine", "svc", "ls", "fmt-a", "-f", "list", "-s", "name");
    TestCli.Result reflex = cli.run("--as", "reflex", "engine", "svc", "ls", "fmt-b", "-f", "list", "-s", "name");
    TestCli.Result unknown = cli.run("--as", "launchx", "svc");

    assertThat(rxe.out()).isEqualTo("fmt-a\nfmt-b\n");
    assertThat(engineName.out()).isEqualTo("fmt-a\n");
    assertThat(reflex.out()).isEqualTo("fmt-b\n");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).startsWith("reflex: Unmatched arguments").contains("launchx");
  }
}
