package io.reflex.client;

/**
 * The client could not be set up from what the user supplied: a malformed {@code REFLEX_URL}, an apikey without
 * {@code name.secret} shape, missing settings, or an unsafe or unreadable profile file. Nothing was sent.
 */
public final class InvalidSettingsException extends ReflexException {
  InvalidSettingsException(String message) {
    super(message, 0, null, null);
  }

  InvalidSettingsException(String message, Throwable cause) {
    super(message, 0, null, cause);
  }
}
