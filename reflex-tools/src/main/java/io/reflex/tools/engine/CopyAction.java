package io.reflex.tools.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "copy", aliases = {"cp"}, mixinStandardHelpOptions = true, description = "Create TO as a copy of FROM; refuses when TO exists")
final class CopyAction extends ObjectAction {
  @Parameters(index = "0", paramLabel = "FROM")
  String from;

  @Parameters(index = "1", paramLabel = "TO")
  String to;

  CopyAction(Invocation invocation, ObjectType type) {
    super(invocation, type);
  }

  @Override
  public Integer call() {
    if (client().find(type, to).isPresent()) {
      throw CliException.conflict(label(to) + " already exists; delete it first or use update");
    }
    ObjectNode copy = Bodies.editable(client().get(type, from).json());
    copy.remove("id");
    copy.put("name", to);
    report("Created", to, client().create(type, ReflexObject.of(copy)));
    return 0;
  }
}
