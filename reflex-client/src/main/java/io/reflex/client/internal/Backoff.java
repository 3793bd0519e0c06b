package io.reflex.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: many clients that lost the same engine must not come back in lockstep.
 */
public record Backoff(Duration initial, Duration max) {
  public Backoff {
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 <= initial <= max");
    }
  }

  /** The wait before retry number {@code attempt} (0-based): a random time up to {@code initial * 2^attempt}. */
  public Duration delay(int attempt) {
    long ceiling = initial.toMillis() << Math.min(attempt, 20);
    long capped = Math.min(Math.max(ceiling, 0), max.toMillis());
    if (capped <= 0) {
      return Duration.ZERO;
    }
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
  }
}
