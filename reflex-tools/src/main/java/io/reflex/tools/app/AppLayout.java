package io.reflex.tools.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.tools.cli.CliException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's regions and lanes, from {@code config.regions} and {@code config.lanes} of config {@code reflex}.
 * Lane shorts and region numbers become parts of service names and of scope regular expressions, so they are
 * checked to be plain lowercase letters and digits when read.
 *
 * @param regions region name to the lanes it offers and its number
 * @param lanes lane name to its short and full names
 */
record AppLayout(Map<String, Region> regions, Map<String, Lane> lanes) {
  static final String CONFIG = "reflex";

  /** The lane that is production; every other lane is non-production and gets the non-production apikey. */
  static final String PRODUCTION = "prd";

  record Region(List<String> lanes, String nbr) {}

  record Lane(String shortName, String fullName) {}

  static AppLayout parse(JsonNode reflexConfig) {
    JsonNode config = reflexConfig.path("config");
    if (!config.path("regions").isObject() || !config.path("lanes").isObject()) {
      throw CliException.notFound("Config '" + CONFIG + "' needs objects config.regions and config.lanes");
    }
    Map<String, Lane> lanes = new LinkedHashMap<>();
    config.path("lanes").properties().forEach(e ->
        lanes.put(e.getKey(), new Lane(plain(e.getValue().path("short"), "config.lanes." + e.getKey() + ".short"),
            e.getValue().path("full").asText(e.getKey()))));
    Map<String, Region> regions = new LinkedHashMap<>();
    config.path("regions").properties().forEach(e -> {
      String where = "config.regions." + e.getKey();
      List<String> offered = new ArrayList<>();
      e.getValue().path("lanes").forEach(lane -> offered.add(lane.asText()));
      offered.stream().filter(lane -> !lanes.containsKey(lane)).findFirst().ifPresent(lane -> {
        throw CliException.conflict(where + ".lanes names lane '" + lane + "', which config.lanes lacks");
      });
      regions.put(e.getKey(), new Region(List.copyOf(offered), plain(e.getValue().path("nbr"), where + ".nbr")));
    });
    return new AppLayout(Collections.unmodifiableMap(regions), Collections.unmodifiableMap(lanes));
  }

  private static String plain(JsonNode value, String where) {
    String text = value.isValueNode() ? value.asText() : "";
    if (!text.matches("[a-z0-9]+")) {
      throw CliException.conflict("Config '" + CONFIG + "': " + where + " must be lowercase letters or digits, not '" + text + "'");
    }
    return text;
  }

  Region region(String name) {
    Region region = regions.get(name);
    if (region == null) {
      throw CliException.usage("Unknown region '" + name + "'; config '" + CONFIG + "' has " + String.join(", ", regions.keySet()));
    }
    return region;
  }

  Lane lane(String name) {
    Lane lane = lanes.get(name);
    if (lane == null) {
      throw CliException.usage("Unknown lane '" + name + "'; config '" + CONFIG + "' has " + String.join(", ", lanes.keySet()));
    }
    return lane;
  }

  /** The short names of the production lanes, or of all others: what a sensitive scope's name pattern matches. */
  List<String> shortNames(boolean production) {
    return lanes.entrySet().stream()
        .filter(e -> e.getKey().equals(PRODUCTION) == production)
        .map(e -> e.getValue().shortName())
        .sorted()
        .toList();
  }
}
