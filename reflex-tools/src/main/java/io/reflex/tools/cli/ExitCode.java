package io.reflex.tools.cli;

/** The process exit codes the CLI promises; scripts branch on them, so they never change meaning. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int USAGE = 1;
  public static final int NOT_FOUND = 2;
  public static final int AUTH = 3;
  public static final int UNREACHABLE = 4;
  public static final int CONFLICT = 5;

  private ExitCode() {}
}
