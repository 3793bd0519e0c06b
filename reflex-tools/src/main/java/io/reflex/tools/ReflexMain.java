package io.reflex.tools;

import io.reflex.tools.cli.Cli;
import io.reflex.tools.cli.CliContext;

/** Entry point of {@code bin/reflex}; the only place that exits the JVM. */
public final class ReflexMain {
  private ReflexMain() {}

  public static void main(String[] args) {
    System.exit(Cli.run(CliContext.system(), args));
  }
}
