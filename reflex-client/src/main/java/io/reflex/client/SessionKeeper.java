package io.reflex.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.client.internal.Json;
import io.reflex.client.internal.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the engine session shared by every thread of one client. Sessions have a fixed lifetime with no sliding
 * renewal, so the keeper signs in again shortly before expiry instead of paying for a 401 round trip; and only
 * one thread signs in at a time, so a burst of calls on an expired session does not open a burst of sessions.
 */
final class SessionKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(SessionKeeper.class);
  private static final Duration ASSUMED_LIFETIME = Duration.ofSeconds(300);

  private final Transport transport;
  private final HttpUrl tokenUrl;
  private final Apikey apikey;
  private final Clock clock;
  private final Duration refreshMargin;
  private final ReentrantLock signInLock = new ReentrantLock();
  private volatile Session current;

  SessionKeeper(Transport transport, HttpUrl base, Apikey apikey, Clock clock, Duration refreshMargin) {
    this.transport = transport;
    this.tokenUrl = base.newBuilder().addPathSegment("token").build();
    this.apikey = apikey;
    this.clock = clock;
    this.refreshMargin = refreshMargin;
  }

  /** A session good for at least the refresh margin, signing in if there is none. */
  Session current() {
    Session session = current;
    if (session != null && !session.expiresWithin(refreshMargin, clock.instant())) {
      return session;
    }
    signInLock.lock();
    try {
      session = current;
      if (session == null || session.expiresWithin(refreshMargin, clock.instant())) {
        session = signIn();
        current = session;
      }
      return session;
    } finally {
      signInLock.unlock();
    }
  }

  /**
   * Drops {@code rejected} after the engine answered 401 with it. A session that another thread already replaced
   * is left alone, so concurrent 401s lead to a single new sign-in.
   */
  void invalidate(Session rejected) {
    signInLock.lock();
    try {
      if (current == rejected) {
        current = null;
      }
    } finally {
      signInLock.unlock();
    }
  }

  /** The per-request token for {@code session}. */
  String apiToken(Session session) {
    return Tokens.apiToken(session.apikeyId(), session.secret(), clock.instant());
  }

  private Session signIn() {
    LOG.debug("signing in to {} as apikey {}", tokenUrl, apikey.name());
    RawResponse response =
        transport.send(
            () ->
                new Request.Builder()
                    .url(tokenUrl)
                    .get()
                    .header("X-ApiKey", Tokens.signIn(apikey.name(), apikey.secret(), clock.instant()))
                    .build());
    if (response.code() == 401) {
      throw new AuthenticationException(
          "Sign-in refused for apikey '" + apikey.name() + "': Unauthorized (HTTP 401 on " + response.where() + ")",
          401,
          "Unauthorized",
          null);
    }
    if (response.code() == 404) {
      throw new InvalidSettingsException(
          "No Reflex engine answers at " + tokenUrl.newBuilder().removePathSegment(tokenUrl.pathSize() - 1).build()
              + " (HTTP 404 on " + response.where() + "); check the base path of REFLEX_URL");
    }
    JsonNode body = Failures.body(response);
    String sid = cookieSid(response).orElse(body.path("session").asText(""));
    String secret = body.path("secret").asText("");
    JsonNode jti = body.path("jti");
    if (sid.isEmpty() || secret.isEmpty() || !jti.canConvertToLong()) {
      throw new EngineErrorException(
          "Engine answered the sign-in without session, secret or numeric jti (" + response.where() + ")",
          response.code(),
          null,
          null);
    }
    Instant expiresAt =
        Json.epochSeconds(body.get("expires_at")).orElseGet(() -> clock.instant().plus(ASSUMED_LIFETIME));
    return new Session(jti.asLong(), sid, Secret.of(secret), expiresAt);
  }

  private Optional<String> cookieSid(RawResponse response) {
    return Cookie.parseAll(tokenUrl, response.headers()).stream()
        .filter(c -> c.name().equals("sid") && !c.value().isEmpty())
        .map(Cookie::value)
        .findFirst();
  }
}
