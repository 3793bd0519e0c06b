package io.reflex.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes query values the way the engine's logs and the reference show them: {@code cols=a,b} and
 * {@code archive=1~2} stay readable, while anything that could break the query is still escaped.
 */
public final class QueryText {
  private QueryText() {}

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("%2C", ",")
        .replace("%7E", "~");
  }
}
