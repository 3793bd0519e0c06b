package io.reflex.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change on the engine.
 *
 * @param seq the engine's change sequence number, usable to resume; 0 for events synthesized by polling an
 *     engine without a watch feed
 * @param by the decimal id of the apikey that made the change, or an empty string when unknown (polling)
 * @param object the changed object as a GET would have answered when the engine sent the event, when the request
 *     asked for objects ({@link WatchRequest#objects(boolean)}) and the engine sent one; never on deletes, nor
 *     when polling, nor from engines that predate it, nor when the object was gone by then. It has no {@link
 *     ReflexObject#version()}, as the feed sends no {@code ETag}: fetch the object before a conditional update.
 */
public record WatchEvent(
    long seq,
    ObjectType type,
    long id,
    String name,
    WatchAction action,
    Instant at,
    String by,
    Optional<ReflexObject> object) {
  public WatchEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(object, "object");
  }

  /** A change without the object. */
  public WatchEvent(long seq, ObjectType type, long id, String name, WatchAction action, Instant at, String by) {
    this(seq, type, id, name, action, at, by, Optional.empty());
  }
}
