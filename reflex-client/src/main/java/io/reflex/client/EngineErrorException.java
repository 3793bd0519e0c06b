package io.reflex.client;

/**
 * The engine answered, but not with anything usable: a 5xx, non-JSON content, or JSON of the wrong
 * shape. Kept apart from {@link EngineUnreachableException} because the engine is up and the fault is on its side.
 */
public final class EngineErrorException extends ReflexException {
  EngineErrorException(String message, int status, String engineMessage, Throwable cause) {
    super(message, status, engineMessage, cause);
  }
}
