package io.reflex.tools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The root command; it only groups the scopes, so running it without one is a usage error. */
@Command(name = "reflex", mixinStandardHelpOptions = true, version = "reflex 0.1.0",
    description = "Reflex command line: manage engine objects, apikeys, profiles and configs; list service instances.")
public final class ReflexCommand implements InvocationHolder {
  @Mixin GlobalOptions global;

  private final Invocation invocation;

  public ReflexCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Invocation invocation() {
    return invocation;
  }
}
