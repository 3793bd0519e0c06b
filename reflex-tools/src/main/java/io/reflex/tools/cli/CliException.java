package io.reflex.tools.cli;

/**
 * A failure the CLI detects itself (bad input, a refusal to overwrite), carrying its exit code. Engine failures
 * stay {@link io.reflex.client.ReflexException}s and are mapped in one place, {@link CliExceptionHandler}.
 */
public final class CliException extends RuntimeException {
  private final int exitCode;

  private CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The command line or local settings are wrong. */
  public static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  public static CliException notFound(String message) {
    return new CliException(ExitCode.NOT_FOUND, message);
  }

  /** Content the user supplied is invalid, or writing it would overwrite something. */
  public static CliException conflict(String message) {
    return new CliException(ExitCode.CONFLICT, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
