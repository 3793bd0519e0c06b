package io.reflex.tools.cli;

/** Asks for a secret without echoing it; injected so tests can answer without a terminal. */
@FunctionalInterface
public interface SecretPrompt {

  /**
   * The typed secret, without its line end.
   *
   * @throws CliException when nothing can be read
   */
  char[] read(String prompt);
}
