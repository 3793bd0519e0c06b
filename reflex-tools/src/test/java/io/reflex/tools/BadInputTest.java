package io.reflex.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input ends with one line on stderr, the promised exit code, and nothing written. */
@Timeout(60)
class BadInputTest {
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

  @Test
  void unreachableEngineExitsFour() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    TestCli.Result result =
        TestCli.against("http://127.0.0.1:" + port + "/api/v1", engine.masterKey(), dir).run("engine", "state", "list");

    assertOneLineError(result, 4);
  }

  @Test
  void urlThatIsNoUrlExitsOne() {
    assertOneLineError(TestCli.against("not a url", engine.masterKey(), dir).run("engine", "state", "list"), 1);
  }

  @Test
  void urlWithAWrongPathIsASettingsProblem() {
    String wrong = engine.url().replace("/api/v1", "/nothing/here");

    TestCli.Result result = TestCli.against(wrong, engine.masterKey(), dir).run("engine", "state", "list");

    assertOneLineError(result, 1);
    assertThat(result.err()).contains("check the base path of REFLEX_URL");
  }

  @Test
  void apikeyWithoutADotExitsOneAndNeverEchoesIt() {
    TestCli.Result result = TestCli.against(engine.url(), "masterNODOTsecret", dir).run("engine", "state", "list");

    assertOneLineError(result, 1);
    assertThat(result.err()).doesNotContain("NODOTsecret");
  }

  @Test
  void wrongSecretExitsThree() {
    assertOneLineError(TestCli.against(engine.url(), "master.d3Jvbmc=", dir).run("engine", "state", "list"), 3);
  }

  @Test
  void missingSettingsExitOne() {
    assertOneLineError(new TestCli(dir.resolve("empty-home")).run("engine", "state", "list"), 1);
  }

  @Test
  void nonJsonAnswerExitsFour() throws IOException {
    HttpServer server = answering(200, "text/html", "<html>hello</html>");
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
      assertOneLineError(TestCli.against(url, engine.masterKey(), dir).run("engine", "state", "list"), 4);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void serverErrorExitsFour() throws IOException {
    HttpServer server = answering(500, "application/json", "{\"status\": \"failed\", \"message\": \"Internal server error\"}");
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
      TestCli.Result result = TestCli.against(url, engine.masterKey(), dir).run("engine", "state", "list");
      assertOneLineError(result, 4);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void engineValidationRefusalExitsFive() {
    TestCli.Result result = cli.run("engine", "config", "create", "odd", "-c", "{\"type\": \"bogus\"}");

    assertOneLineError(result, 5);
    assertThat(cli.run("engine", "config", "get", "odd").code()).isEqualTo(2);
  }

  @Test
  void forbiddenExitsThree() {
    String key = cli.run("apikey", "create", "nobody").out();
    String apikey = key.substring(key.indexOf('\t') + 1).strip();

    TestCli.Result result = TestCli.against(engine.url(), apikey, dir).run("engine", "config", "create", "x", "-c", "{\"type\": \"parameter\"}");

    assertOneLineError(result, 3);
  }

  @Test
  void invalidJsonContentExitsFiveAndCreatesNothing() {
    TestCli.Result result = cli.run("engine", "state", "create", "half", "-c", "{\"a\": ");

    assertOneLineError(result, 5);
    assertThat(result.err()).startsWith("reflex: -c content is not valid JSON");
    assertThat(cli.run("engine", "state", "get", "half").code()).isEqualTo(2);
  }

  @Test
  void invalidJsonOnStdinExitsFive() {
    TestCli.Result result = cli.runWithInput("[1, 2", "engine", "state", "update", "half");

    assertOneLineError(result, 5);
    assertThat(result.err()).startsWith("reflex: stdin is not valid JSON").doesNotContain("Source");
  }

  @Test
  void jsonThatIsNotAnObjectExitsFive() {
    assertOneLineError(cli.run("engine", "state", "create", "arr", "-c", "[1]"), 5);
  }

  @Test
  void unknownObjectTypeOrActionExitsOne() {
    TestCli.Result type = cli.run("engine", "gadget", "list");
    TestCli.Result action = cli.run("engine", "state", "frobnicate");

    assertOneLineError(type, 1);
    assertThat(type.err()).contains("gadget").contains("see 'reflex engine --help'");
    assertOneLineError(action, 1);
    assertThat(action.err()).contains("frobnicate");
    assertThat(cli.run("engine", "state", "lst").err()).contains("did you mean ls or list?");
  }

  @Test
  void abbreviationsAndAliasesReachTheSameCommand() {
    cli.run("engine", "policyscope", "create", "scoped", "-c", "{\"policy\": \"master\", \"type\": \"global\", \"matches\": \"True\", \"actions\": \"read\"}");

    assertThat(cli.run("rxe", "pscope", "ls").code()).isZero();
    assertThat(cli.run("engine", "sco", "li").code()).isZero();
    assertThat(cli.run("eng", "pip", "list").code()).isZero();
  }

  @Test
  void notFoundExitsTwo() {
    assertOneLineError(cli.run("engine", "pipeline", "get", "missing"), 2);
  }

  @Test
  void missingKeyInGetExitsTwo() {
    cli.run("engine", "state", "create", "keyless", "-c", "{}");

    assertOneLineError(cli.run("engine", "state", "get", "keyless", "no.such.key"), 2);
  }

  @Test
  void createOfAnExistingNameExitsFive() {
    cli.run("engine", "state", "create", "twice", "-c", "{}");

    assertOneLineError(cli.run("engine", "state", "create", "twice", "-c", "{}"), 5);
  }

  @Test
  void invalidExpressionIsAUsageError() {
    assertOneLineError(cli.run("engine", "state", "list", "-e", "obj.name == == 1"), 1);
  }

  @Test
  void flattenOfAServiceWithAMissingConfigExitsTwo() {
    cli.run("engine", "pipeline", "create", "lonely", "-c", "{\"launch\": {\"cfgdir\": \"/tmp/x\"}}");
    cli.run("engine", "service", "create", "orphan", "-c", "{\"pipeline\": \"lonely\", \"config\": \"never-made\"}");

    TestCli.Result result = cli.run("config", "flatten", "orphan");

    assertOneLineError(result, 2);
    assertThat(result.err()).contains("never-made");
  }

  @Test
  void flattenOfASubstitutionCycleExitsFive() {
    cli.run("engine", "pipeline", "create", "loop", "-c", "{\"launch\": {\"cfgdir\": \"/tmp/x\"}}");
    cli.run("engine", "config", "create", "loopy", "-c",
        "{\"type\": \"parameter\", \"sensitive\": {\"parameters\": {\"a\": \"%{b}\", \"b\": \"%{c}\", \"c\": \"x%{b}\"}}}");
    cli.run("engine", "service", "create", "loop-svc", "-c", "{\"pipeline\": \"loop\", \"config\": \"loopy\"}");

    TestCli.Result result = cli.run("config", "flatten", "loop-svc");

    assertOneLineError(result, 5);
    assertThat(result.err()).contains("Variable cycle in loopy sensitive.parameters.a: a -> b -> c -> b");
  }

  @Test
  void debugOnAnyCommandLevelAddsTheStackTrace() {
    TestCli.Result result = cli.run("engine", "pipeline", "--debug", "get", "missing");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("NotFoundException");
  }

  @Test
  void debugAddsTheStackTrace() {
    TestCli.Result result = cli.run("engine", "pipeline", "get", "missing", "--debug");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines().findFirst().orElseThrow()).startsWith("reflex: ");
    assertThat(result.err()).contains("NotFoundException").contains("\tat ");
  }

  private static void assertOneLineError(TestCli.Result result, int code) {
    assertThat(result.code()).as(result.err()).isEqualTo(code);
    assertThat(result.err().lines()).as(result.err()).hasSize(1).allMatch(line -> line.startsWith("reflex: "));
    assertThat(result.out()).isEmpty();
  }

  private static HttpServer answering(int status, String contentType, String body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return server;
  }
}
