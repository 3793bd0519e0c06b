package io.reflex.tools.engine;

import io.reflex.client.ObjectType;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reflex engine <type> <action>}: object management. The tree is built here rather than with annotations
 * because every type gets the same actions, each bound to its type and to the run's {@link Invocation}.
 */
@Command(name = "engine", aliases = {"rxe"}, mixinStandardHelpOptions = true,
    description = "Manage engine objects: reflex engine <type> <action> ...")
public final class EngineCommand {
  @Mixin GlobalOptions global;

  private EngineCommand() {}

  public static CommandLine create(Invocation invocation) {
    CommandLine engine = new CommandLine(new EngineCommand());
    for (ObjectType type : ObjectType.values()) {
      CommandSpec spec = CommandSpec.create().name(type.path()).aliases(ObjectTypeNames.aliases(type).toArray(String[]::new));
      spec.mixinStandardHelpOptions(true);
      spec.usageMessage().description("Actions on " + type.path() + " objects");
      spec.addMixin("global", CommandSpec.forAnnotatedObject(new GlobalOptions()));
      CommandLine object = new CommandLine(spec);
      object.addSubcommand(new ListAction(invocation, type));
      object.addSubcommand(new GetAction(invocation, type));
      object.addSubcommand(new CreateAction(invocation, type));
      object.addSubcommand(new EditAction(invocation, type));
      object.addSubcommand(new UpdateAction(invocation, type));
      object.addSubcommand(new MergeAction(invocation, type));
      object.addSubcommand(new DeleteAction(invocation, type));
      object.addSubcommand(new CopyAction(invocation, type));
      object.addSubcommand(new SliceAction(invocation, type));
      engine.addSubcommand(object);
    }
    return engine;
  }
}
