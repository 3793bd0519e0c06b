package io.reflex.client;

/**
 * The engine refused the apikey or the session (HTTP 401), after the SDK already signed in again once.
 * Retrying with the same apikey will not help.
 */
public final class AuthenticationException extends ReflexException {
  AuthenticationException(String message, int status, String engineMessage, Throwable cause) {
    super(message, status, engineMessage, cause);
  }
}
