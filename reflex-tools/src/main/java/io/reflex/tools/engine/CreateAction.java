package io.reflex.tools.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.JsonText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Creates with POST rather than the original's PUT upsert, so that a typo in NAME cannot silently replace an
 * existing object; {@code update} is the way to replace.
 */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create an object from JSON (-c or stdin) and print it")
final class CreateAction extends ObjectAction {
  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = {"-c", "--content"}, paramLabel = "JSON", description = "The object; read from stdin when absent")
  String content;

  CreateAction(Invocation invocation, ObjectType type) {
    super(invocation, type);
  }

  @Override
  public Integer call() {
    ObjectNode body = body(content);
    body.put("name", name);
    report("Created", name, client().create(type, ReflexObject.of(body)));
    out().document(JsonText.sorted(client().get(type, name).json()));
    return 0;
  }
}
