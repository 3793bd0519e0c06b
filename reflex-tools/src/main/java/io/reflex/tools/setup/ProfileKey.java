package io.reflex.tools.setup;

import io.reflex.tools.cli.CliException;
import java.util.Locale;

/** The settings a profile holds, under the names people type: {@code url} or {@code REFLEX_URL}. */
enum ProfileKey {
  URL,
  APIKEY;

  static ProfileKey parse(String text) {
    String key = text.strip().toUpperCase(Locale.ROOT).replaceFirst("^REFLEX_", "");
    try {
      return valueOf(key);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("Unknown setting '" + text + "'; use url or apikey");
    }
  }

  String envName() {
    return "REFLEX_" + name();
  }
}
