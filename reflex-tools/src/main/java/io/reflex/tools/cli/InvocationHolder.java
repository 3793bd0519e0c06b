package io.reflex.tools.cli;

/** The root command: {@link GlobalOptions} on any subcommand finds the run's {@link Invocation} through it. */
public interface InvocationHolder {
  Invocation invocation();
}
