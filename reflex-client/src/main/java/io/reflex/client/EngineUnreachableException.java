package io.reflex.client;

import java.io.IOException;

/**
 * No complete answer came back: connection refused, DNS failure, timeout, or a body cut short. The transport
 * failure is kept apart from HTTP refusals because only this kind is worth retrying later unchanged; the
 * {@link IOException} is the cause.
 */
public final class EngineUnreachableException extends ReflexException {
  EngineUnreachableException(String message, IOException cause) {
    super(message, 0, null, cause);
  }
}
