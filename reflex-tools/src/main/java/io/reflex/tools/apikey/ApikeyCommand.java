package io.reflex.tools.apikey;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.tools.cli.Apikeys;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code reflex apikey}: the shortcuts people use to hand out and revoke access. */
@Command(name = "apikey", mixinStandardHelpOptions = true, description = "List, create and delete apikeys")
public final class ApikeyCommand {
  @Mixin GlobalOptions global;

  private ApikeyCommand() {}

  public static CommandLine create(Invocation invocation) {
    CommandLine apikey = new CommandLine(new ApikeyCommand());
    apikey.addSubcommand(new ListKeys(invocation));
    apikey.addSubcommand(new CreateKey(invocation));
    apikey.addSubcommand(new DeleteKey(invocation));
    return apikey;
  }

  @Command(name = "list", aliases = {"ls"}, mixinStandardHelpOptions = true, description = "List apikeys")
  static final class ListKeys implements Callable<Integer> {
    @Mixin GlobalOptions global;
    private final Invocation invocation;

    ListKeys(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      List<ReflexObject> keys = invocation.client().list(ObjectType.APIKEY);
      invocation.out().rows(List.of("name", "id"), keys.stream().map(ReflexObject::json).toList());
      return 0;
    }
  }

  /** The one place the CLI prints a full apikey: its owner must copy it now, the engine will not show it to others. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an apikey and print name.secret once")
  static final class CreateKey implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Parameters(index = "0", paramLabel = "NAME", description = "Lowercase letters, digits and '-'")
    String name;

    private final Invocation invocation;

    CreateKey(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      if (!name.matches("[a-z0-9-]+")) {
        throw CliException.usage("Apikey names are lowercase letters, digits and '-': '" + name + "'");
      }
      invocation.client().create(ObjectType.APIKEY, ReflexObject.named(name));
      invocation.out().line(Apikeys.announcement(Apikeys.reveal(invocation.client(), name)));
      return 0;
    }
  }

  @Command(name = "delete", aliases = {"rm"}, mixinStandardHelpOptions = true, description = "Delete an apikey")
  static final class DeleteKey implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    private final Invocation invocation;

    DeleteKey(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      invocation.client().delete(ObjectType.APIKEY, name);
      invocation.out().status("Deleted Apikey '" + name + "'");
      return 0;
    }
  }
}
