package io.reflex.tools.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.tools.cli.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update", mixinStandardHelpOptions = true, description = "Replace an object with JSON (-c or stdin)")
final class UpdateAction extends ObjectAction {
  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = {"-c", "--content"}, paramLabel = "JSON", description = "The whole object; read from stdin when absent")
  String content;

  UpdateAction(Invocation invocation, ObjectType type) {
    super(invocation, type);
  }

  @Override
  public Integer call() {
    ObjectNode body = body(content);
    if (!body.has("name")) {
      body.put("name", name);
    }
    report("Updated", name, client().update(type, name, ReflexObject.of(body)));
    return 0;
  }
}
