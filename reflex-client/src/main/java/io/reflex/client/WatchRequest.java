package io.reflex.client;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What to watch and how patiently. Immutable; each method returns a changed copy. The defaults suit a console:
 * keepalives arrive every 15 s, so a stream silent for 45 s is considered dead and reopened.
 */
public final class WatchRequest {
  private final Set<ObjectType> types;
  private final String match;
  private final long since;
  private final Duration pollInterval;
  private final Duration reconnectInitial;
  private final Duration reconnectMax;
  private final Duration idleTimeout;
  private final boolean objects;

  private WatchRequest(
      Set<ObjectType> types,
      String match,
      long since,
      Duration pollInterval,
      Duration reconnectInitial,
      Duration reconnectMax,
      Duration idleTimeout,
      boolean objects) {
    this.types = types;
    this.match = match;
    this.since = since;
    this.pollInterval = pollInterval;
    this.reconnectInitial = reconnectInitial;
    this.reconnectMax = reconnectMax;
    this.idleTimeout = idleTimeout;
    this.objects = objects;
  }

  /** Every change of every type. */
  public static WatchRequest all() {
    return new WatchRequest(
        Set.of(), null, -1, Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(45),
        false);
  }

  /** Only these types; none means all. */
  public WatchRequest types(ObjectType... types) {
    Set<ObjectType> set = types.length == 0 ? Set.of() : Set.copyOf(EnumSet.copyOf(List.of(types)));
    return new WatchRequest(set, match, since, pollInterval, reconnectInitial, reconnectMax, idleTimeout, objects);
  }

  /** Only objects whose name matches this glob ({@code *}, {@code ?}) or, without wildcards, this prefix. */
  public WatchRequest match(String glob) {
    Objects.requireNonNull(glob, "glob");
    return new WatchRequest(
        types,
        glob.isEmpty() ? null : glob,
        since,
        pollInterval,
        reconnectInitial,
        reconnectMax,
        idleTimeout,
        objects);
  }

  /** Replays the changes after sequence number {@code seq} before the live ones. */
  public WatchRequest since(long seq) {
    if (seq < 0) {
      throw new IllegalArgumentException("since must be >= 0");
    }
    return new WatchRequest(types, match, seq, pollInterval, reconnectInitial, reconnectMax, idleTimeout, objects);
  }

  /** How often to list when the engine has no watch feed (the original engine). */
  public WatchRequest pollInterval(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    return new WatchRequest(types, match, since, interval, reconnectInitial, reconnectMax, idleTimeout, objects);
  }

  /** The first and the longest pause before reconnecting; pauses double and are jittered. */
  public WatchRequest reconnectBackoff(Duration initial, Duration max) {
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("reconnect backoff needs 0 <= initial <= max");
    }
    return new WatchRequest(types, match, since, pollInterval, initial, max, idleTimeout, objects);
  }

  /** How long a stream may stay silent, keepalives included, before it is reopened. */
  public WatchRequest idleTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive");
    }
    return new WatchRequest(types, match, since, pollInterval, reconnectInitial, reconnectMax, timeout, objects);
  }

  /**
   * Whether each change should carry the changed object as a GET would answer it ({@link WatchEvent#object()}),
   * which saves a GET per change. Engines without this (older ones, or the original, which is polled) send events
   * without objects, so callers still fetch what an event does not carry.
   */
  public WatchRequest objects(boolean carry) {
    return new WatchRequest(types, match, since, pollInterval, reconnectInitial, reconnectMax, idleTimeout, carry);
  }

  /** The watched types; empty means all. */
  public Set<ObjectType> types() {
    return types;
  }

  public Optional<String> match() {
    return Optional.ofNullable(match);
  }

  public OptionalLong since() {
    return since < 0 ? OptionalLong.empty() : OptionalLong.of(since);
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  public Duration reconnectInitial() {
    return reconnectInitial;
  }

  public Duration reconnectMax() {
    return reconnectMax;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** Whether events are asked to carry the changed object; see {@link #objects(boolean)}. */
  public boolean objects() {
    return objects;
  }

  @Override
  public String toString() {
    return "WatchRequest[types=" + types + (match == null ? "" : ", match=" + match) + (objects ? ", objects" : "") + "]";
  }
}
