package io.reflex.client.internal;

import java.util.Optional;

/**
 * Line-by-line Server-Sent Events parser (the WHATWG event-stream rules the watch feed uses). Fed one line at
 * a time so that the caller decides how lines are read and when a stream is cancelled.
 */
public final class SseParser {
  /** One dispatched event; {@code id} is the last id seen on the stream, as the spec defines it. */
  public record Event(String id, String type, String data) {}

  private final StringBuilder data = new StringBuilder();
  private String type = "";
  private String lastId = "";
  private boolean hasData;

  /** Returns an event when {@code line} (without its line terminator) completes one. */
  public Optional<Event> feed(String line) {
    if (line.isEmpty()) {
      return dispatch();
    }
    if (line.charAt(0) == ':') {
      return Optional.empty();
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "event" -> type = value;
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastId = value;
        }
      }
      default -> {
        // "retry" and unknown fields carry nothing the watch feed needs
      }
    }
    return Optional.empty();
  }

  /** The id to resume from after a reconnect. */
  public String lastId() {
    return lastId;
  }

  private Optional<Event> dispatch() {
    if (!hasData) {
      type = "";
      return Optional.empty();
    }
    Event event = new Event(lastId, type.isEmpty() ? "message" : type, data.toString());
    data.setLength(0);
    hasData = false;
    type = "";
    return Optional.of(event);
  }
}
