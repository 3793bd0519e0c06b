package io.reflex.tools.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Connection and output options every command accepts, before or after its name. The values land in the one
 * {@link Invocation} of the run, so {@code reflex --debug engine pi ls} and {@code reflex engine pi ls --debug}
 * mean the same. Setters ignore picocli's reset to the default so a value given on a parent command survives.
 */
public final class GlobalOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private Invocation invocation() {
    return ((InvocationHolder) mixee.root().userObject()).invocation();
  }

  @Option(names = "--url", paramLabel = "URL", description = "Engine URL, http://host:port/api/v1 (else REFLEX_URL or the profile)")
  void url(String url) {
    if (url != null) {
      invocation().url(url);
    }
  }

  @Option(names = "--apikey", paramLabel = "NAME.SECRET", description = "Apikey (else REFLEX_APIKEY or the profile)")
  void apikey(String apikey) {
    if (apikey != null) {
      invocation().apikey(apikey);
    }
  }

  @Option(names = "--profile", paramLabel = "NAME", description = "Profile from the profile file (else its default)")
  void profile(String profile) {
    if (profile != null) {
      invocation().profile(profile);
    }
  }

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table, json or yaml (default: table on a terminal, else json)")
  void output(OutputFormat format) {
    if (format != null) {
      invocation().output(format);
    }
  }

  @Option(names = {"-d", "--debug"}, description = "Print stack traces of errors")
  void debug(boolean debug) {
    if (debug) {
      invocation().debug(true);
    }
  }
}
