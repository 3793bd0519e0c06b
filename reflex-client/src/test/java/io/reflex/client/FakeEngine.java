package io.reflex.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A scripted stand-in for the engine: it answers sign-ins itself, like the original does, and serves object
 * routes from a queue, recording every request so tests can assert on the exact wire.
 */
final class FakeEngine extends Dispatcher {
  /** 66 fixed bytes in base64, the shape of a real apikey secret (88 characters, no padding). */
  static final String APIKEY_SECRET = Base64.getEncoder().encodeToString(bytes(66, 7));

  static final String APIKEY = "master." + APIKEY_SECRET;
  static final long APIKEY_ID = 100;

  private final AtomicInteger signIns = new AtomicInteger();
  private final List<RecordedRequest> signInRequests = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> objectRequests = new CopyOnWriteArrayList<>();
  private final BlockingQueue<MockResponse> script = new LinkedBlockingQueue<>();
  private final Clock clock;
  private volatile long sessionSeconds = 300;
  private volatile MockResponse signInOverride;
  private volatile Function<RecordedRequest, MockResponse> fallback =
      request -> json(500, "{\"status\": \"failed\", \"message\": \"unscripted request\"}");

  FakeEngine(Clock clock) {
    this.clock = clock;
  }

  FakeEngine() {
    this(Clock.systemUTC());
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse noContent() {
    return new MockResponse.Builder().code(204).setHeader("Content-Type", "application/json").build();
  }

  FakeEngine enqueue(MockResponse response) {
    script.add(response);
    return this;
  }

  FakeEngine sessionSeconds(long seconds) {
    this.sessionSeconds = seconds;
    return this;
  }

  FakeEngine refuseSignIn() {
    this.signInOverride = json(401, "{\"status\": \"failed\", \"message\": \"Unauthorized\"}");
    return this;
  }

  FakeEngine fallback(Function<RecordedRequest, MockResponse> fallback) {
    this.fallback = fallback;
    return this;
  }

  int signIns() {
    return signIns.get();
  }

  List<RecordedRequest> signInRequests() {
    return List.copyOf(signInRequests);
  }

  List<RecordedRequest> objectRequests() {
    return List.copyOf(objectRequests);
  }

  RecordedRequest objectRequest(int index) {
    return objectRequests.get(index);
  }

  /** The session id handed out by sign-in number {@code n} (1-based). */
  static String sid(int n) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("session-" + n).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The raw session secret of sign-in number {@code n}. */
  static byte[] sessionSecret(int n) {
    return bytes(64, n);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (request.getUrl().encodedPath().endsWith("/token")) {
      int n = signIns.incrementAndGet();
      signInRequests.add(request);
      MockResponse override = signInOverride;
      return override != null ? override : signInAnswer(n);
    }
    objectRequests.add(request);
    MockResponse next = script.poll();
    return next != null ? next : fallback.apply(request);
  }

  private MockResponse signInAnswer(int n) {
    double expiresAt = clock.millis() / 1000.0 + sessionSeconds;
    String body =
        "{\"status\": \"success\", \"session\": \""
            + sid(n)
            + "\", \"secret\": \""
            + Base64.getEncoder().encodeToString(sessionSecret(n))
            + "\", \"jti\": "
            + APIKEY_ID
            + ", \"expires_at\": "
            + expiresAt
            + "}";
    return json(200, body)
        .newBuilder()
        .addHeader("Set-Cookie", "sid=" + sid(n) + "; Max-Age=300; Path=/api/v1; Version=1")
        .build();
  }

  private static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + seed * 17);
    }
    return bytes;
  }

  /** A client of {@code server}'s fake engine with retry pauses short enough for tests. */
  static ReflexClient.Builder clientOf(mockwebserver3.MockWebServer server) {
    return ReflexClient.builder()
        .url(server.url("/api/v1").toString())
        .apikey(APIKEY)
        .retryBackoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(5));
  }
}
