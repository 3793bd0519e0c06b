package io.reflex.tools.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sends the passwords of {@code -p} on every request, the way policies read them ({@code pwin}, {@code pwsin}):
 * one as {@code X-Password: base64(password)}, several as {@code X-Passwords: base64(JSON array)}. It is an
 * OkHttp interceptor because the client has no header option and the CLI may not change the client.
 */
final class PasswordHeaders implements Interceptor {
  private final String name;
  private final String value;

  private PasswordHeaders(String name, String value) {
    this.name = name;
    this.value = value;
  }

  /** @param passwords at least one */
  static PasswordHeaders of(List<String> passwords) {
    if (passwords.size() == 1) {
      return new PasswordHeaders("X-Password", base64(passwords.getFirst().getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return new PasswordHeaders("X-Passwords", base64(JsonText.MAPPER.writeValueAsBytes(passwords)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a list of strings as JSON", e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header(name, value).build());
  }

  /** Never the passwords: this may end up in a debug log. */
  @Override
  public String toString() {
    return "PasswordHeaders[" + name + "]";
  }
}
