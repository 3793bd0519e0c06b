package io.reflex.tools.setup;

import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code reflex setup}: engine profiles (URL and apikey) in the profile file, and demo data. */
@Command(name = "setup", mixinStandardHelpOptions = true,
    description = "Manage connection profiles (url, apikey); load demo data or a basic schema")
public final class SetupCommand {
  @Mixin GlobalOptions global;

  private SetupCommand() {}

  public static CommandLine create(Invocation invocation) {
    ProfileStore store = new ProfileStore(invocation);
    CommandLine setup = new CommandLine(new SetupCommand());
    setup.addSubcommand(new ProfileCommands.ListProfiles(invocation, store));
    setup.addSubcommand(new ProfileCommands.SetValues(invocation, store));
    setup.addSubcommand(new ProfileCommands.GetValue(invocation, store));
    setup.addSubcommand(new ProfileCommands.UnsetValue(invocation, store));
    setup.addSubcommand(new WizardCommand(invocation, store));
    setup.addSubcommand(new DemoCommand(invocation));
    setup.addSubcommand(new BasicCommand(invocation));
    return setup;
  }
}
