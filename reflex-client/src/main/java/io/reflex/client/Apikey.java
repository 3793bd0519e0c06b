package io.reflex.client;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parsed {@code REFLEX_APIKEY} ({@code name.secret}). The name is public (it is the sign-in {@code jti}); the
 * secret stays wrapped so that printing an apikey never leaks it.
 */
public final class Apikey {
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

  private final String name;
  private final Secret secret;

  private Apikey(String name, Secret secret) {
    this.name = name;
    this.secret = secret;
  }

  /**
   * Splits {@code text} at its first dot, as both original clients do.
   *
   * @throws InvalidSettingsException naming what is wrong but never echoing the secret part
   */
  public static Apikey parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    int dot = trimmed.indexOf('.');
    if (dot < 0) {
      throw new InvalidSettingsException("REFLEX_APIKEY must look like name.secret, but it has no '.'");
    }
    String name = trimmed.substring(0, dot);
    String secret = trimmed.substring(dot + 1);
    if (!NAME.matcher(name).matches()) {
      throw new InvalidSettingsException(
          "REFLEX_APIKEY name must be lowercase letters, digits and '-' before the first '.'");
    }
    if (secret.isEmpty()) {
      throw new InvalidSettingsException("REFLEX_APIKEY has an empty secret after the '.'");
    }
    return new Apikey(name, Secret.of(secret));
  }

  /** The apikey object's name, sent as the sign-in {@code jti}. */
  public String name() {
    return name;
  }

  public Secret secret() {
    return secret;
  }

  /** The full {@code name.secret} text, for writing a profile file. */
  public String reveal() {
    return name + "." + secret.reveal();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Apikey that && name.equals(that.name) && secret.equals(that.secret);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "Apikey[" + name + ".****]";
  }
}
