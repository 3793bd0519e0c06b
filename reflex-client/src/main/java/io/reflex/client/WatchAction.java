package io.reflex.client;

import java.util.Locale;
import java.util.Optional;

/** What happened to an object. {@link #PING} is an instance check-in, which changes little but is worth seeing. */
public enum WatchAction {
  CREATE,
  UPDATE,
  DELETE,
  PING;

  static Optional<WatchAction> find(String text) {
    for (WatchAction action : values()) {
      if (action.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
