package io.reflex.client;

import okhttp3.HttpUrl;

/** Reads {@code REFLEX_URL}. Its path is the engine's route base, which operators may lengthen. */
final class EngineUrl {
  private EngineUrl() {}

  static HttpUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidSettingsException("REFLEX_URL is empty; expected scheme://host:port/api/v1");
    }
    String trimmed = text.strip();
    HttpUrl url = HttpUrl.parse(trimmed);
    if (url == null || !(trimmed.startsWith("http://") || trimmed.startsWith("https://"))) {
      throw new InvalidSettingsException(
          "REFLEX_URL '" + trimmed + "' is not an http(s) URL; expected scheme://host:port/api/v1");
    }
    if (url.query() != null || url.fragment() != null || !url.username().isEmpty()) {
      throw new InvalidSettingsException(
          "REFLEX_URL must be scheme://host:port/base without user, query or fragment");
    }
    HttpUrl.Builder builder = url.newBuilder();
    int segments = url.pathSize();
    while (segments > 1 && url.pathSegments().get(segments - 1).isEmpty()) {
      builder.removePathSegment(--segments);
    }
    return builder.build();
  }
}
