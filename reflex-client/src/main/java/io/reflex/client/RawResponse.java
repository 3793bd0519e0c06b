package io.reflex.client;

import okhttp3.Headers;
import okhttp3.MediaType;

/** A fully read answer, so that the connection is released before the SDK decides what the answer means. */
record RawResponse(String method, String path, int code, Headers headers, MediaType contentType, byte[] body) {

  boolean hasBody() {
    return body.length > 0;
  }

  boolean isJson() {
    return contentType != null
        && ("json".equals(contentType.subtype()) || contentType.subtype().endsWith("+json"));
  }

  /** {@code METHOD /path}, for messages; never the query, which can hold a user's glob but nothing more. */
  String where() {
    return method + " " + path;
  }
}
