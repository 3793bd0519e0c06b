package io.reflex.tools.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.tools.cli.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The objects of one application, named after it. Access is split in two: the production apikey may read the
 * secrets of production services' configs only, the non-production key those of all other lanes; both may read
 * the application's pipeline, services and configs without secrets, and write instances of its services.
 */
final class AppObjects {
  /** Who an apikey is for; production keys never see non-production secrets and the other way round. */
  enum Access {
    PRD,
    NONPRD;

    String suffix() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String app;
  private final AppLayout layout;

  AppObjects(String app, AppLayout layout) {
    this.app = app;
    this.layout = layout;
  }

  String apikey(Access access) {
    return app + "-" + access.suffix();
  }

  private String group(Access access) {
    return "svc-" + app + "-" + access.suffix();
  }

  /** {@code <app>-[<tenant>-]<lane short><region nbr>}; the tenant part keeps tenants' services apart. */
  String serviceName(String region, String lane, Optional<String> tenant) {
    return app + "-" + tenant.map(t -> t + "-").orElse("") + layout.lane(lane).shortName() + layout.region(region).nbr();
  }

  /** What every deployment shares: the groups holding the apikeys, the pipeline and the base config. */
  List<Seed> shared() {
    List<Seed> seeds = new ArrayList<>();
    for (Access access : Access.values()) {
      ObjectNode group = Seed.named(group(access)).put("type", "Apikey");
      group.putArray("group").add(apikey(access));
      seeds.add(Seed.of(ObjectType.GROUP, group));
    }
    seeds.add(Seed.of(ObjectType.PIPELINE, Seed.named(app).put("title", app)));
    seeds.add(Seed.of(ObjectType.CONFIG, Seed.named(app).put("type", "parameter")));
    return seeds;
  }

  /** One deployment: its config (the base config plus where it runs) and its service. */
  List<Seed> deployment(String region, String lane, Optional<String> tenant) {
    String name = serviceName(region, lane, tenant);
    ObjectNode config = Seed.named(name).put("type", "parameter");
    config.putArray("extends").add(app);
    ObjectNode env = config.putObject("setenv").put("REGION", region).put("LANE", layout.lane(lane).fullName());
    tenant.ifPresent(t -> env.put("TENANT", t));
    ObjectNode service = Seed.named(name).put("pipeline", app).put("config", name).put("lane", lane).put("region", region);
    tenant.ifPresent(t -> service.put("tenant", t));
    return List.of(Seed.of(ObjectType.CONFIG, config), Seed.of(ObjectType.SERVICE, service));
  }

  /**
   * Policies and the scopes that apply them. Scopes come last when seeding because a scope maps the objects
   * that exist when it is written. A site with only production lanes, or none, gets no sensitive policy for
   * the empty side: an empty lane pattern would match names that belong to no lane.
   */
  List<Seed> access() {
    String anyKey = "(" + member(Access.PRD) + " or " + member(Access.NONPRD) + ")";
    List<Seed> seeds = new ArrayList<>();
    String read = app + "-read";
    seeds.add(Seed.policy(read, "not sensitive and " + anyKey));
    seeds.add(Seed.scope(read, "targeted", "read", List.of("Pipeline", "Service", "Config"), "rx('^" + app + "(-|$)', obj['name'])"));
    for (Access access : Access.values()) {
      List<String> lanes = layout.shortNames(access == Access.PRD);
      if (lanes.isEmpty()) {
        continue;
      }
      String sensitive = app + "-sensitive-" + access.suffix();
      String shorts = String.join("|", lanes);
      seeds.add(Seed.policy(sensitive, member(access)));
      seeds.add(Seed.scope(sensitive, "targeted", "read", List.of("Config"), "rx('^" + app + "-([a-z0-9-]+-)?(" + shorts + ")[0-9]+$', obj['name'])"));
    }
    String instance = app + "-instance";
    seeds.add(Seed.policy(instance, anyKey + " and rx('^" + app + "-', obj['service'])"));
    seeds.add(Seed.scope(instance, "global", "read,write", List.of("Instance"), "True"));
    return seeds;
  }

  private String member(Access access) {
    return "token_name in groups['" + group(access) + "']";
  }
}
