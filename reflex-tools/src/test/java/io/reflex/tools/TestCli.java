package io.reflex.tools;

import io.reflex.tools.cli.Cli;
import io.reflex.tools.cli.CliContext;
import io.reflex.tools.cli.Editor;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with captured streams, a private profile file and no real environment. */
final class TestCli {
  /** One run's outcome. */
  record Result(int code, String out, String err) {}

  private final Map<String, String> environment = new HashMap<>();
  private final Path home;
  private Editor editor = file -> {
    throw new AssertionError("no editor expected");
  };
  private boolean terminal;
  private final Deque<String> secrets = new ArrayDeque<>();
  private final List<String> secretPrompts = new ArrayList<>();

  TestCli(Path home) {
    this.home = home;
    environment.put("HOME", home.toString());
  }

  /** A CLI signed in to {@code engine} through REFLEX_URL and REFLEX_APIKEY. */
  static TestCli against(String url, String apikey, Path home) {
    return new TestCli(home).env("REFLEX_URL", url).env("REFLEX_APIKEY", apikey);
  }

  TestCli env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  TestCli editor(Editor editor) {
    this.editor = editor;
    return this;
  }

  TestCli terminal(boolean terminal) {
    this.terminal = terminal;
    return this;
  }

  /** Answers to password prompts, in order; a prompt with none left fails the test. */
  TestCli secrets(String... answers) {
    secrets.addAll(List.of(answers));
    return this;
  }

  /** The password prompts shown so far. */
  List<String> secretPrompts() {
    return secretPrompts;
  }

  Path profilesFile() {
    return home.resolve("profiles.json");
  }

  Result run(String... args) {
    return runWithInput("", args);
  }

  Result runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BufferedReader(new StringReader(stdin)),
            environment,
            profilesFile(),
            home.resolve("no-secrets"),
            terminal,
            editor,
            prompt -> {
              secretPrompts.add(prompt);
              if (secrets.isEmpty()) {
                throw new AssertionError("unexpected password prompt: " + prompt);
              }
              return secrets.removeFirst().toCharArray();
            });
    int code = Cli.run(context, args);
    return new Result(code, out.toString(), err.toString());
  }
}
