package io.reflex.tools.engine;

import io.reflex.client.ListQuery;
import io.reflex.tools.cli.CliException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The FILTER of {@code list}: a plain name prefix or glob goes to the engine (less to transfer), anything else is
 * a regular expression the CLI applies to names itself.
 */
final class NameFilter {
  private static final Pattern ENGINE_MATCH = Pattern.compile("[A-Za-z0-9*?-]+");

  private final String engineMatch;
  private final Pattern regex;

  private NameFilter(String engineMatch, Pattern regex) {
    this.engineMatch = engineMatch;
    this.regex = regex;
  }

  static NameFilter of(String filter) {
    if (filter == null || filter.isEmpty()) {
      return new NameFilter("", null);
    }
    if (ENGINE_MATCH.matcher(filter).matches()) {
      return new NameFilter(filter, null);
    }
    return new NameFilter("", regex(filter, ""));
  }

  /** {@code ^REGEX} as {@code slice} uses it: anchored at the start of the name. */
  static NameFilter anchored(String regex) {
    return new NameFilter("", regex(regex, "^"));
  }

  ListQuery apply(ListQuery query) {
    return query.match(engineMatch);
  }

  boolean matches(String name) {
    return regex == null || regex.matcher(name).find();
  }

  private static Pattern regex(String text, String prefix) {
    try {
      return Pattern.compile(prefix + text, Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      throw CliException.usage("Invalid name filter '" + text + "': " + e.getDescription());
    }
  }
}
