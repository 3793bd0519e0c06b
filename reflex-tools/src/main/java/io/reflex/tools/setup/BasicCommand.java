package io.reflex.tools.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.tools.cli.Apikeys;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.MissingObjects;
import io.reflex.tools.cli.Prompts;
import io.reflex.tools.cli.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A starting schema for a new engine: an admin apikey in an admin group with a policy that lets the group do
 * everything, and the config {@code reflex} that {@code app create} reads. It asks for the names, shows what
 * it will create and asks before creating, unless {@code --confirm} says yes up front. Existing objects are
 * kept, so it is safe on an engine that is already in use.
 */
@Command(name = "basic", mixinStandardHelpOptions = true, description = "Create a basic schema: admin apikey, group and policy, config reflex")
final class BasicCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Option(names = "--confirm", description = "Create without asking")
  boolean confirmed;

  private final Invocation invocation;

  BasicCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    Prompts prompts = new Prompts(invocation.context());
    String group = plain(prompts.ask("Admin group", "admins"), "group");
    String apikey = plain(prompts.ask("Admin apikey", "admin"), "apikey");
    List<String[]> regions = entries(prompts.ask("Regions as name:number, comma separated", "us:1"), 2, "region");
    List<String[]> lanes = entries(prompts.ask("Lanes as name:short:full, comma separated", "tst:t:test,prd:p:production"), 3, "lane");

    List<Seed> seeds = schema(group, apikey, regions, lanes);
    invocation.out().status("Will create, where missing: Apikey '" + apikey + "'");
    seeds.forEach(seed -> invocation.out().status("  " + seed.type().tableName() + " '" + seed.object().name() + "'"));
    if (!confirmed && !prompts.confirm("Create these objects?")) {
      invocation.out().status("Nothing was created");
      return 0;
    }
    MissingObjects missing = new MissingObjects(invocation.client(), invocation.out());
    Optional<String> newKey = missing.createApikey(apikey);
    seeds.forEach(missing::create);
    newKey.ifPresent(key -> invocation.out().line(Apikeys.announcement(key)));
    return 0;
  }

  private static List<Seed> schema(String group, String apikey, List<String[]> regions, List<String[]> lanes) {
    ObjectNode groupBody = Seed.named(group).put("type", "Apikey");
    groupBody.putArray("group").add(apikey);
    ObjectNode reflex = Seed.named("reflex").put("type", "parameter");
    ObjectNode config = reflex.putObject("config");
    ObjectNode laneNodes = config.putObject("lanes");
    lanes.forEach(lane -> laneNodes.putObject(lane[0]).put("short", lane[1]).put("full", lane[2]));
    ObjectNode regionNodes = config.putObject("regions");
    regions.forEach(region -> {
      ObjectNode node = regionNodes.putObject(region[0]).put("nbr", region[1]);
      lanes.forEach(lane -> node.withArray("lanes").add(lane[0]));
    });
    String admin = group + "-admin";
    return List.of(
        Seed.of(ObjectType.GROUP, groupBody),
        Seed.policy(admin, "token_name in groups['" + group + "']"),
        Seed.scope(admin, "global", "admin", List.of("*"), "True"),
        Seed.of(ObjectType.CONFIG, reflex));
  }

  /**
   * Comma-separated {@code a:b[:c]} answers, each split into exactly {@code parts}; all are plain names except a
   * lane's full name, which is only shown to people.
   */
  private static List<String[]> entries(String answer, int parts, String what) {
    List<String[]> entries = new ArrayList<>();
    for (String entry : answer.split(",")) {
      String[] fields = entry.strip().split(":");
      if (fields.length != parts) {
        throw CliException.usage("Each " + what + " needs " + parts + " parts separated by ':', not '" + entry.strip() + "'");
      }
      for (int i = 0; i < parts; i++) {
        boolean fullName = parts == 3 && i == 2;
        fields[i] = fullName ? fields[i].strip() : plain(fields[i], what);
      }
      entries.add(fields);
    }
    return entries;
  }

  private static String plain(String name, String what) {
    String stripped = name.strip();
    if (!stripped.matches("[a-z0-9][a-z0-9-]*")) {
      throw CliException.usage("A " + what + " name is lowercase letters, digits and '-': '" + stripped + "'");
    }
    return stripped;
  }
}
