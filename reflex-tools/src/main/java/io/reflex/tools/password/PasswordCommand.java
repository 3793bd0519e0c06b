package io.reflex.tools.password;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.Prompts;
import io.reflex.tools.cli.VersionedWrite;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Sets one member's password in a password group. The password is asked for twice without echo (a typo would
 * lock the member out) and never appears on the command line. The group is written conditionally on the
 * version read, so a member added by someone else meanwhile is not lost.
 */
@Command(name = "password", mixinStandardHelpOptions = true,
    description = "Set NAME's password in password group GROUP (asked twice, without echo)")
public final class PasswordCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(index = "0", paramLabel = "GROUP", description = "A group of type password")
  String group;

  @Parameters(index = "1", paramLabel = "NAME", description = "The member; names are case-insensitive")
  String name;

  private final Invocation invocation;

  public PasswordCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    if (name.isBlank() || name.contains(":")) {
      throw CliException.usage("A member name must not be empty or contain ':': '" + name + "'");
    }
    ReflexClient client = invocation.client();
    ReflexObject current = client.get(ObjectType.GROUP, group);
    if (!current.text("type").orElse("").equalsIgnoreCase("password")) {
      throw CliException.conflict("Group '" + group + "' is not a password group (type " + current.text("type").orElse("none") + ")");
    }
    String password = askTwice(new Prompts(invocation.context()));
    ObjectNode body = (ObjectNode) current.json().deepCopy();
    body.set("group", withMember(current.json().path("group"), password));
    body.remove("_grp");
    VersionedWrite.update(client, ObjectType.GROUP, group, ReflexObject.of(body), current.version());
    invocation.out().status("Set the password of '" + name.toLowerCase(Locale.ROOT) + "' in Group '" + group + "'");
    return 0;
  }

  private String askTwice(Prompts prompts) {
    String first = prompts.secret("New password for " + name + ": ");
    if (first.isEmpty() || first.contains(":")) {
      throw CliException.usage("A password must not be empty or contain ':'; nothing was changed");
    }
    if (!first.equals(prompts.secret("Again: "))) {
      throw CliException.usage("The passwords differ; nothing was changed");
    }
    return first;
  }

  /** The members with NAME's entry replaced, or added; the engine hashes the new one and keeps the hashes. */
  private ArrayNode withMember(JsonNode members, String password) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    ArrayNode updated = JsonNodeFactory.instance.arrayNode();
    members.forEach(member -> {
      if (!member.asText().toLowerCase(Locale.ROOT).startsWith(prefix)) {
        updated.add(member);
      }
    });
    updated.add(prefix + password);
    return updated;
  }
}
