package io.reflex.tools.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.VersionedWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Merges on the client, as the original CLI did, and writes conditionally on the version read: a merge computed
 * from a stale copy would silently undo someone else's change.
 */
@Command(name = "merge", aliases = {"set"}, mixinStandardHelpOptions = true, description = "Deep-merge JSON (-c or stdin) into an object")
final class MergeAction extends ObjectAction {
  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = {"-c", "--content"}, paramLabel = "JSON", description = "The fields to merge; read from stdin when absent")
  String content;

  MergeAction(Invocation invocation, ObjectType type) {
    super(invocation, type);
  }

  @Override
  public Integer call() {
    ObjectNode change = body(content);
    ReflexObject current = client().get(type, name);
    ReflexObject merged = ReflexObject.of(Bodies.merge(Bodies.editable(current.json()), change));
    report("Updated", name, VersionedWrite.update(client(), type, name, merged, current.version()));
    return 0;
  }
}
