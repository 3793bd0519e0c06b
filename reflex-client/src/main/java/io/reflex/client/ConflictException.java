package io.reflex.client;

/**
 * The write collides with existing state: a duplicate name on create, or an {@code If-Match} version
 * that no longer matches (HTTP 412). Re-read the object before trying again.
 */
public final class ConflictException extends ReflexException {
  ConflictException(String message, int status, String engineMessage, Throwable cause) {
    super(message, status, engineMessage, cause);
  }
}
