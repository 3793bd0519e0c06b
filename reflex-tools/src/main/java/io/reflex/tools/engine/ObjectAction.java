package io.reflex.tools.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.WriteResult;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.JsonText;
import io.reflex.tools.cli.Output;
import io.reflex.tools.cli.PasswordOptions;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;

/**
 * One action on one object type. The type is fixed when the command tree is built, so each
 * {@code reflex engine <type> <action>} is its own small command with its own help.
 */
abstract class ObjectAction implements Callable<Integer> {
  @Mixin GlobalOptions global;
  @Mixin PasswordOptions passwords;

  final Invocation invocation;
  final ObjectType type;

  ObjectAction(Invocation invocation, ObjectType type) {
    this.invocation = invocation;
    this.type = type;
  }

  ReflexClient client() {
    passwords.applyTo(invocation);
    return invocation.client();
  }

  Output out() {
    return invocation.out();
  }

  /** {@code Config 'name'}, as the original CLI named objects in its messages. */
  String label(String name) {
    return type.tableName() + " '" + name + "'";
  }

  /**
   * The object body from {@code -c} or, without it, from stdin; it must be a JSON object.
   *
   * @throws CliException (exit 5) when it is not, before anything is sent
   */
  ObjectNode body(String content) {
    String text = content != null ? content : readStdin();
    JsonNode node = JsonText.parse(text, content != null ? "-c content" : "stdin");
    if (!node.isObject()) {
      throw CliException.conflict("The object body must be a JSON object, not " + node.getNodeType().name().toLowerCase());
    }
    return (ObjectNode) node;
  }

  /** Prints what a write did; warnings (unresolved references) go to stderr because the write still happened. */
  void report(String verb, String name, WriteResult result) {
    out().status(result.changed() ? verb + " " + label(name) : "No changes to " + label(name));
    result.warnings().forEach(w -> invocation.context().err().println("reflex: warning: " + w));
    invocation.context().err().flush();
  }

  private String readStdin() {
    try {
      return invocation.context().in().lines().collect(Collectors.joining("\n"));
    } catch (UncheckedIOException e) {
      throw CliException.usage("Cannot read stdin: " + e.getCause().getMessage());
    }
  }

}
