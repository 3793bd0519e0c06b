package io.reflex.tools.cli;

import io.reflex.tools.apikey.ApikeyCommand;
import io.reflex.tools.app.AppCommand;
import io.reflex.tools.config.ConfigCommand;
import io.reflex.tools.engine.EngineCommand;
import io.reflex.tools.password.PasswordCommand;
import io.reflex.tools.policy.PolicyCommand;
import io.reflex.tools.services.ServicesCommand;
import io.reflex.tools.setup.SetupCommand;
import picocli.CommandLine;

/** Builds the command tree for one run on a given machine context. */
public final class Cli {
  private Cli() {}

  /**
   * Runs {@code args} and returns the exit code; never exits the JVM, so tests call it directly. A leading
   * {@code --as NAME} runs the scope a stand-alone program of that name ran ({@link ProgramName}).
   */
  public static int run(CliContext context, String... args) {
    return commandLine(context).execute(ProgramName.expand(args));
  }

  public static CommandLine commandLine(CliContext context) {
    Invocation invocation = new Invocation(context);
    CommandLine root = new CommandLine(new ReflexCommand(invocation));
    root.addSubcommand(EngineCommand.create(invocation));
    root.addSubcommand(ApikeyCommand.create(invocation));
    root.addSubcommand(SetupCommand.create(invocation));
    root.addSubcommand(ConfigCommand.create(invocation));
    root.addSubcommand(new PasswordCommand(invocation));
    root.addSubcommand(PolicyCommand.create(invocation));
    root.addSubcommand(AppCommand.create(invocation));
    root.addSubcommand(new ServicesCommand(invocation));
    root.addSubcommand(new CompletionCommand(invocation));
    CliExceptionHandler handler = new CliExceptionHandler(invocation);
    root.setAbbreviatedSubcommandsAllowed(true)
        .setAbbreviatedOptionsAllowed(true)
        .setSubcommandsCaseInsensitive(true)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(context.out())
        .setErr(context.err())
        .setExecutionExceptionHandler(handler)
        .setParameterExceptionHandler(handler);
    return root;
  }
}
