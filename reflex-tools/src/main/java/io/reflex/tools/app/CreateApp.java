package io.reflex.tools.app;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.tools.cli.Apikeys;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.MissingObjects;
import io.reflex.tools.cli.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Creates an application's objects, each only if missing, so it can be run again to add a region, lane or
 * tenant. A region that does not offer a requested lane is skipped, not an error, so one command can cover
 * regions with different lanes. New apikeys are printed once at the end; existing ones are never shown.
 */
@Command(name = "create", aliases = {"add"}, mixinStandardHelpOptions = true,
    description = "Create PIPELINE's apikeys, groups, policies, scopes, pipeline, configs and services (create-if-missing)")
final class CreateApp implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The application's name: lowercase letters, digits and '-'")
  String app;

  @Option(names = "--regions", split = ",", required = true, paramLabel = "REGION", description = "Regions from config reflex")
  List<String> regions;

  @Option(names = "--lanes", split = ",", required = true, paramLabel = "LANE", description = "Lanes from config reflex, such as tst,prd")
  List<String> lanes;

  @Option(names = "--tenants", split = ",", paramLabel = "TENANT", description = "One deployment per tenant; names gain the tenant")
  List<String> tenants;

  private final Invocation invocation;

  CreateApp(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    requirePlain(app, "PIPELINE");
    List<Optional<String>> tenantParts = tenants == null ? List.of(Optional.empty()) : tenants.stream().map(t -> Optional.of(requirePlain(t, "tenant"))).toList();
    ReflexClient client = invocation.client();
    AppLayout layout =
        AppLayout.parse(client.find(ObjectType.CONFIG, AppLayout.CONFIG)
            .orElseThrow(() -> CliException.notFound("app create needs config '" + AppLayout.CONFIG
                + "' with config.regions and config.lanes (reflex setup demo or setup basic create one)"))
            .json());
    regions.forEach(layout::region);
    lanes.forEach(layout::lane);
    AppObjects objects = new AppObjects(app, layout);
    Output out = invocation.out();
    MissingObjects missing = new MissingObjects(client, out);

    List<String> newKeys = new ArrayList<>();
    for (AppObjects.Access access : AppObjects.Access.values()) {
      missing.createApikey(objects.apikey(access)).ifPresent(newKeys::add);
    }
    objects.shared().forEach(missing::create);
    for (String region : regions) {
      for (String lane : lanes) {
        if (!layout.region(region).lanes().contains(lane)) {
          out.status("Skipped lane '" + lane + "' in region '" + region + "': the region does not offer it");
          continue;
        }
        for (Optional<String> tenant : tenantParts) {
          objects.deployment(region, lane, tenant).forEach(missing::create);
        }
      }
    }
    objects.access().forEach(missing::create);
    newKeys.forEach(key -> out.line(Apikeys.announcement(key)));
    return 0;
  }

  private static String requirePlain(String name, String what) {
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw CliException.usage("A " + what + " name is lowercase letters, digits and '-': '" + name + "'");
    }
    return name;
  }
}
