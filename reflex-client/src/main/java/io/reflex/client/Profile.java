package io.reflex.client;

import java.util.Objects;

/**
 * One named engine connection in the profile file. The apikey keeps its secret wrapped, so printing a profile
 * is safe.
 */
public record Profile(String url, Apikey apikey) {
  /**
   * @throws InvalidSettingsException when {@code url} is not a {@code REFLEX_URL}
   */
  public Profile {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(apikey, "apikey");
    EngineUrl.parse(url);
  }

  /** Parses both texts as the CLI receives them. */
  public static Profile of(String url, String apikey) {
    return new Profile(url, Apikey.parse(apikey));
  }
}
