package io.reflex.tools.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code -p/--password} for commands whose requests policies may check with {@code pwin}/{@code pwsin}. A bare
 * {@code -p} is asked for without echo, which keeps the password out of shell history and {@code ps}; asking
 * waits until the command talks to the engine, so {@code --help} or a usage error never prompts.
 */
public final class PasswordOptions {
  /** picocli's value for a bare {@code -p}; no typed password contains a NUL. */
  private static final String ASK = "\0ask";

  @Option(names = {"-p", "--password", "--pwd"}, arity = "0..1", fallbackValue = ASK, paramLabel = "PASSWORD",
      description = "Send a password for policies (repeatable); asked for without echo when no value follows."
          + " A value given here is visible to other users of the machine")
  List<String> given = new ArrayList<>();

  private List<String> resolved;

  /** Hands the passwords to {@code invocation} before it builds its client, asking for each bare {@code -p} once. */
  public void applyTo(Invocation invocation) {
    if (resolved == null) {
      Prompts prompts = new Prompts(invocation.context());
      resolved = new ArrayList<>();
      for (String password : given) {
        int number = resolved.size() + 1;
        resolved.add(password.equals(ASK) ? prompts.secret(given.size() == 1 ? "Password: " : "Password " + number + ": ") : password);
      }
    }
    invocation.passwords(resolved);
  }
}
