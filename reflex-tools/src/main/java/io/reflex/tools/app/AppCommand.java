package io.reflex.tools.app;

import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code reflex app}: sets up everything an application needs to run in the site's regions and lanes. */
@Command(name = "app", mixinStandardHelpOptions = true, description = "Create an application's apikeys, access, configs and services")
public final class AppCommand {
  @Mixin GlobalOptions global;

  private AppCommand() {}

  public static CommandLine create(Invocation invocation) {
    CommandLine app = new CommandLine(new AppCommand());
    app.addSubcommand(new CreateApp(invocation));
    return app;
  }
}
