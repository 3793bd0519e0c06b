package io.reflex.client;

import java.time.Instant;
import java.util.Objects;

/**
 * One change on the engine.
 *
 * @param seq the engine's change sequence number, usable to resume; 0 for events synthesized by polling an
 *     engine without a watch feed
 * @param by the decimal id of the apikey that made the change, or an empty string when unknown (polling)
 */
public record WatchEvent(
    long seq, ObjectType type, long id, String name, WatchAction action, Instant at, String by) {
  public WatchEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
  }
}
