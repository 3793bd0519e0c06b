package io.reflex.tools.engine;

import io.reflex.tools.cli.CliException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points in time as people type them for {@code --archive}: epoch seconds (what the engine shows in
 * {@code updated_at}), {@code now}, {@code 2 hours ago}, or an ISO date or instant (UTC).
 */
final class TimeText {
  private static final Pattern AGO =
      Pattern.compile("(\\d+)\\s*(s|sec|second|m|min|minute|h|hour|d|day|w|week)s?\\s+ago");

  private TimeText() {}

  /** The two ends of {@code FROM[~TO]}; TO defaults to now. */
  static Instant[] range(String text, Clock clock) {
    int tilde = text.indexOf('~');
    Instant from = parse(tilde < 0 ? text : text.substring(0, tilde), clock);
    Instant to = tilde < 0 ? clock.instant() : parse(text.substring(tilde + 1), clock);
    if (to.isBefore(from)) {
      throw CliException.usage("Archive range '" + text + "' ends before it starts");
    }
    return new Instant[] {from, to};
  }

  static Instant parse(String text, Clock clock) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("now")) {
      return clock.instant();
    }
    if (value.matches("\\d+(\\.\\d+)?")) {
      BigDecimal seconds = new BigDecimal(value);
      return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    Matcher ago = AGO.matcher(value);
    if (ago.matches()) {
      long amount = Long.parseLong(ago.group(1));
      Duration unit =
          switch (ago.group(2)) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "m", "min", "minute" -> Duration.ofMinutes(1);
            case "h", "hour" -> Duration.ofHours(1);
            case "d", "day" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
          };
      return clock.instant().minus(unit.multipliedBy(amount));
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw CliException.usage(
          "Cannot read time '" + text + "'; use epoch seconds, 'now', 'N days ago' or an ISO date");
    }
  }
}
