package io.reflex.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The decrypted {@code sensitive} part of a config. A type of its own so that printing a config view, or logging
 * this value by mistake, shows nothing secret.
 */
public final class SensitiveData {
  private final JsonNode value;

  SensitiveData(JsonNode value) {
    this.value = Objects.requireNonNull(value, "value").deepCopy();
  }

  /**
   * True when the engine withheld the value and sent its placeholder {@code {"encrypted": "values"}}. Such a value
   * must not be written back, as the original engine would store the placeholder over the real secret.
   */
  public boolean redacted() {
    return value.isObject() && "values".equals(value.path("encrypted").asText(null)) && value.size() == 1;
  }

  /** A copy of the clear value, for the code that really needs it (Launch Assist). */
  public JsonNode reveal() {
    return value.deepCopy();
  }

  @Override
  public String toString() {
    return redacted() ? "SensitiveData[redacted by engine]" : "SensitiveData[****]";
  }
}
