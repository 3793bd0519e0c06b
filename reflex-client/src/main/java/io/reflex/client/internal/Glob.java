package io.reflex.client.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name pattern. The engine only filters by a lowercase prefix ({@code match=abc}), yet users think in globs
 * ({@code bct-*-db}); so the SDK sends the longest literal prefix the engine accepts and filters the rest itself.
 */
public final class Glob {
  private static final Pattern ENGINE_PREFIX = Pattern.compile("[a-z0-9-]*");

  private final String text;
  private final Pattern regex;

  private Glob(String text) {
    this.text = text;
    this.regex = isGlob(text) ? compile(text) : null;
  }

  public static Glob of(String text) {
    return new Glob(text);
  }

  public static boolean isGlob(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
  }

  /** The prefix to send as {@code match}; empty when the engine could not take it (it would answer 400). */
  public String enginePrefix() {
    int wildcard = firstWildcard(text);
    String literal = wildcard < 0 ? text : text.substring(0, wildcard);
    return ENGINE_PREFIX.matcher(literal).matches() ? literal : "";
  }

  /** Whether rows from the engine still need filtering by name on this side. */
  public boolean needsLocalFilter() {
    return regex != null || !enginePrefix().equals(text);
  }

  /**
   * Matches a name the way the engine would: a plain text is a prefix, a glob must match the whole name. Case is
   * ignored in both, as the engine's database collation does.
   */
  public boolean matches(String name) {
    if (regex != null) {
      return regex.matcher(name).matches();
    }
    return name.toLowerCase(Locale.ROOT).startsWith(text.toLowerCase(Locale.ROOT));
  }

  public String text() {
    return text;
  }

  private static int firstWildcard(String text) {
    int star = text.indexOf('*');
    int question = text.indexOf('?');
    if (star < 0) {
      return question;
    }
    return question < 0 ? star : Math.min(star, question);
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }
}
