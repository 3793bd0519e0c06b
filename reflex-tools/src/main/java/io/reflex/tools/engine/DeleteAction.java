package io.reflex.tools.engine;

import io.reflex.client.ObjectType;
import io.reflex.tools.cli.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", aliases = {"rm"}, mixinStandardHelpOptions = true, description = "Delete an object (archived versions stay)")
final class DeleteAction extends ObjectAction {
  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  DeleteAction(Invocation invocation, ObjectType type) {
    super(invocation, type);
  }

  @Override
  public Integer call() {
    report("Deleted", name, client().delete(type, name));
    return 0;
  }
}
