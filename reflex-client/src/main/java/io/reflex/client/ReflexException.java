package io.reflex.client;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every failure the SDK reports. The hierarchy is sealed so that the CLI and the console can map each kind to an
 * exit code or a sentence in one exhaustive {@code switch}, and nobody interprets raw HTTP codes a second time.
 *
 * <p>{@link #getMessage()} is always one line a user can read. It never contains a secret.
 */
public abstract sealed class ReflexException extends RuntimeException
    permits EngineUnreachableException,
        AuthenticationException,
        ForbiddenException,
        NotFoundException,
        ConflictException,
        ValidationException,
        EngineErrorException,
        InvalidSettingsException {

  private final int status;
  private final String engineMessage;

  ReflexException(String message, int status, String engineMessage, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.engineMessage = engineMessage;
  }

  /** The HTTP status the engine answered, or empty when no answer arrived (or none was asked for). */
  public final OptionalInt status() {
    return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
  }

  /** The engine's own {@code message} text, verbatim, when its answer carried one. */
  public final Optional<String> engineMessage() {
    return Optional.ofNullable(engineMessage);
  }
}
