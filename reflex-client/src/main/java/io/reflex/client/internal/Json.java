package io.reflex.client.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** The one Jackson setup of the SDK, so that every part reads numbers and key order the same way. */
public final class Json {
  /**
   * Big decimals, with their trailing zeros, keep {@code updated_at} fractions and users' numbers exactly as sent; ObjectNode keeps insertion order, which
   * is what lets user fields round-trip in the order the engine sent them.
   */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private Json() {}

  /**
   * Reads an epoch-seconds timestamp. The engine sends {@code updated_at} as a string ("1533264743.0") on a
   * single GET and as a number in lists, so both forms must be accepted.
   */
  public static Optional<Instant> epochSeconds(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Optional.empty();
    }
    BigDecimal seconds;
    try {
      seconds = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().strip());
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
    long whole = seconds.longValue();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Optional.of(Instant.ofEpochSecond(whole, nanos));
  }

  /** Formats an instant as the engine's POSIX seconds, with a fraction only when there is one. */
  public static String epochText(Instant instant) {
    BigDecimal seconds =
        BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
    return seconds.stripTrailingZeros().toPlainString();
  }
}
