package io.reflex.client;

/**
 * The caller is authenticated but an ABAC policy denies the action (HTTP 403).
 */
public final class ForbiddenException extends ReflexException {
  ForbiddenException(String message, int status, String engineMessage, Throwable cause) {
    super(message, status, engineMessage, cause);
  }
}
