package io.reflex.client;

import io.reflex.client.internal.Backoff;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical call, with the retry rule of the reference (section 9, item 27): only idempotent methods,
 * only on connection failures and 502/503/504. A POST is never repeated, because the engine may have created the
 * object before the connection broke.
 */
final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 504);
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE");

  private final OkHttpClient http;
  private final int retries;
  private final Backoff backoff;
  private final String engine;

  Transport(OkHttpClient http, int retries, Backoff backoff, String engine) {
    this.http = http;
    this.retries = retries;
    this.backoff = backoff;
    this.engine = engine;
  }

  OkHttpClient http() {
    return http;
  }

  /** Builds the request anew for every attempt, so each attempt carries a fresh API token. */
  RawResponse send(Supplier<Request> requests) {
    int attempt = 0;
    while (true) {
      Request request = requests.get();
      boolean idempotent = IDEMPOTENT.contains(request.method());
      boolean mayRetry = idempotent && attempt < retries;
      try {
        RawResponse response = execute(request);
        if (mayRetry && RETRYABLE_STATUS.contains(response.code())) {
          LOG.debug("{} answered {}, retrying", response.where(), response.code());
          pause(attempt++);
          continue;
        }
        return response;
      } catch (IOException e) {
        if (!mayRetry) {
          throw unreachable(e);
        }
        LOG.debug("{} {} failed ({}), retrying", request.method(), request.url().encodedPath(), describe(e));
        pause(attempt++);
      }
    }
  }

  private RawResponse execute(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      byte[] bytes;
      try {
        bytes = body.bytes();
      } catch (IOException cut) {
        throw new TruncatedAnswerException(cut);
      }
      return new RawResponse(
          request.method(),
          request.url().encodedPath(),
          response.code(),
          response.headers(),
          body.contentType(),
          bytes);
    }
  }

  private void pause(int attempt) {
    Duration delay = backoff.delay(attempt);
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(new InterruptedIOException("interrupted while waiting to retry"));
    }
  }

  EngineUnreachableException unreachable(IOException e) {
    return new EngineUnreachableException("Cannot reach the engine at " + engine + ": " + describe(e), e);
  }

  private static String describe(IOException e) {
    return switch (e) {
      case TruncatedAnswerException t -> "the answer was cut short (" + detail(t.getCause()) + ")";
      case UnknownHostException u -> "unknown host " + u.getMessage();
      case ConnectException c -> "connection refused";
      case NoRouteToHostException n -> "no route to host";
      case SocketTimeoutException s -> "timed out waiting for an answer";
      case InterruptedIOException i when "timeout".equals(i.getMessage()) -> "the call timed out";
      case InterruptedIOException i -> detail(i);
      case EOFException eof -> "the connection closed before an answer arrived";
      case ProtocolException p -> "broken HTTP answer (" + detail(p) + ")";
      default -> detail(e);
    };
  }

  private static String detail(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
  }

  /** Marks an answer whose head arrived but whose body did not, which reads differently to a user. */
  private static final class TruncatedAnswerException extends IOException {
    TruncatedAnswerException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
