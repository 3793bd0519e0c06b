package io.reflex.tools.config;

import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code reflex config}: inspect configs as Launch Assist will use them. */
@Command(name = "config", aliases = {"cfg"}, mixinStandardHelpOptions = true, description = "Inspect flattened configs")
public final class ConfigCommand {
  @Mixin GlobalOptions global;

  private ConfigCommand() {}

  public static CommandLine create(Invocation invocation) {
    CommandLine config = new CommandLine(new ConfigCommand());
    config.addSubcommand(new FlattenCommand(invocation));
    return config;
  }
}
