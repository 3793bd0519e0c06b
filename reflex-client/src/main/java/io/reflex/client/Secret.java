package io.reflex.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * A credential (apikey secret, session secret) that must never reach a log or a stack trace.
 *
 * <p>The value only leaves this type through {@link #reveal()} and {@link #signingKey()}, so a grep for
 * those two calls finds every place a secret is used. {@link #toString()} is safe to log.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps {@code value}; it must not be empty, because an empty HMAC key signs nothing useful. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("secret is empty");
    }
    return new Secret(value);
  }

  /** The clear text, for the few callers that must store or send it (profile file, signing). */
  public String reveal() {
    return value;
  }

  /**
   * The HMAC key both Reflex engines expect first: the base64-decoded bytes of the secret. A user-made secret
   * that is not valid base64 falls back to its UTF-8 text, which the engine also tries.
   */
  public byte[] signingKey() {
    try {
      byte[] decoded = Base64.getDecoder().decode(value);
      if (decoded.length > 0) {
        return decoded;
      }
    } catch (IllegalArgumentException notBase64) {
      // fall through: the engine also verifies with the text bytes
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  /** Constant, so that no hash table or debugger view ever depends on the value. */
  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
