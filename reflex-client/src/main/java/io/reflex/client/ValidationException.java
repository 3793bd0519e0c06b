package io.reflex.client;

/**
 * The engine rejected the request as malformed or invalid (other 4xx, such as 400, 413 and 415). The
 * request must change before it can succeed.
 */
public final class ValidationException extends ReflexException {
  ValidationException(String message, int status, String engineMessage, Throwable cause) {
    super(message, status, engineMessage, cause);
  }
}
