package io.reflex.client;

/**
 * Receives the watch feed. Called on the subscription's own thread, one call at a time, so an implementation
 * needs no locking of its own but should hand slow work elsewhere: while it runs, no further events are read.
 */
@FunctionalInterface
public interface WatchListener {
  void onEvent(WatchEvent event);

  /**
   * A connection or poll failed. With {@code retrying} true the subscription carries on by itself (reconnecting
   * with backoff); with false it has stopped for good, because retrying cannot help (refused apikey, denied or
   * invalid request).
   */
  default void onFailure(ReflexException failure, boolean retrying) {}
}
