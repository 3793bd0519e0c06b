package io.reflex.tools.cli;

import io.reflex.client.Profiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a command reads from or writes to the machine it runs on. Commands never touch
 * {@code System.out}, {@code System.getenv()} or the real profile file directly, so tests run the whole CLI
 * in-process with their own streams, environment, profile file, editor and terminal answer.
 *
 * @param out machine output and results
 * @param err errors, prompts and progress, so piping stdout stays clean
 * @param in answers to prompts and JSON bodies piped in
 * @param environment the environment used for settings lookups ({@code REFLEX_URL}, {@code EDITOR}, ...)
 * @param profilesFile the profile file {@code setup} writes and the client reads
 * @param secretsDir the Docker secrets directory the client consults first
 * @param terminal whether stdout is a terminal: decides the default output format
 * @param editor what {@code edit} runs on the scratch file
 * @param secrets reads passwords without echo; tests answer from a list instead of a terminal
 */
public record CliContext(
    PrintWriter out,
    PrintWriter err,
    BufferedReader in,
    Map<String, String> environment,
    Path profilesFile,
    Path secretsDir,
    boolean terminal,
    Editor editor,
    SecretPrompt secrets) {

  public CliContext {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(in, "in");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(profilesFile, "profilesFile");
    Objects.requireNonNull(secretsDir, "secretsDir");
    Objects.requireNonNull(editor, "editor");
    Objects.requireNonNull(secrets, "secrets");
  }

  /** The real process: its streams, environment, default profile file and {@code $EDITOR}. */
  public static CliContext system() {
    Map<String, String> env = System.getenv();
    return new CliContext(
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        env,
        Profiles.defaultFile(env),
        Path.of("/run/secrets"),
        System.console() != null,
        new ShellEditor(env),
        CliContext::readFromConsole);
  }

  /** Without a console (stdin piped, no tty) there is nowhere to type a password unseen, so it is refused. */
  private static char[] readFromConsole(String prompt) {
    java.io.Console console = System.console();
    if (console == null) {
      throw CliException.usage("A password prompt needs a terminal; none is attached");
    }
    char[] answer = console.readPassword("%s", prompt);
    if (answer == null) {
      throw CliException.usage("Input ended before a password was given");
    }
    return answer;
  }
}
