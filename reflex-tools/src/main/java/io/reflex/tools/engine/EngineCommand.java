package io.reflex.tools.engine;

import io.reflex.client.ObjectType;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code reflex engine <type> <action>}: object management. The tree is built here rather than with annotations
 * because every type gets the same actions, each bound to its type and to the run's {@link Invocation}.
 */
@Command(name = "engine", aliases = {"rxe"}, mixinStandardHelpOptions = true,
    description = "Manage engine objects: reflex engine <type> <action> ...")
public final class EngineCommand {
  @Mixin GlobalOptions global;

  private EngineCommand() {}

  /** {@code reflex engine <type>}: groups the actions; its name and aliases are set per type. */
  @Command(mixinStandardHelpOptions = true)
  static final class ObjectCommand {
    @Mixin GlobalOptions global;
  }

  public static CommandLine create(Invocation invocation) {
    CommandLine engine = new CommandLine(new EngineCommand());
    for (ObjectType type : ObjectType.values()) {
      CommandLine object = new CommandLine(new ObjectCommand());
      object.getCommandSpec().usageMessage().description("Actions on " + type.path() + " objects");
      object.addSubcommand(new ListAction(invocation, type));
      object.addSubcommand(new GetAction(invocation, type));
      object.addSubcommand(new CreateAction(invocation, type));
      object.addSubcommand(new EditAction(invocation, type));
      object.addSubcommand(new UpdateAction(invocation, type));
      object.addSubcommand(new MergeAction(invocation, type));
      object.addSubcommand(new DeleteAction(invocation, type));
      object.addSubcommand(new CopyAction(invocation, type));
      object.addSubcommand(new SliceAction(invocation, type));
      engine.addSubcommand(type.path(), object, ObjectTypeNames.aliases(type).toArray(String[]::new));
    }
    return engine;
  }
}
