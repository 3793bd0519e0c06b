package io.reflex.client;

/**
 * The target object, or the route itself, does not exist (HTTP 404).
 */
public final class NotFoundException extends ReflexException {
  NotFoundException(String message, int status, String engineMessage, Throwable cause) {
    super(message, status, engineMessage, cause);
  }
}
