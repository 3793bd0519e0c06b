package io.reflex.client.internal;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.reflex.client.Secret;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/** Mints the two HS256 JWTs of the Reflex protocol (reference section 2.2 and 2.4). */
public final class Tokens {
  /** How long the sign-in JWT is valid; the Python client's value, within the engine's recommended bound. */
  public static final long SIGN_IN_LIFETIME_SECONDS = 300;

  /** How long one API token is valid; minted per request, as the Python client does. */
  public static final long API_TOKEN_LIFETIME_SECONDS = 60;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /**
   * The {@code X-ApiKey} JWT: {@code jti} is the apikey name, {@code seed} 256 random bytes in base64 (the engine
   * wants at least 36 characters of it), {@code exp} numeric.
   */
  public static String signIn(String apikeyName, Secret apikeySecret, Instant now) {
    byte[] seed = new byte[256];
    RANDOM.nextBytes(seed);
    return JWT.create()
        .withJWTId(apikeyName)
        .withClaim("seed", Base64.getEncoder().encodeToString(seed))
        .withExpiresAt(now.plusSeconds(SIGN_IN_LIFETIME_SECONDS))
        .sign(Algorithm.HMAC256(apikeySecret.signingKey()));
  }

  /**
   * The {@code X-ApiToken} JWT. Its {@code jti} must be the numeric apikey id from sign-in (the engine finds the
   * session by id and cookie; the apikey name gives 401).
   */
  public static String apiToken(long apikeyId, Secret sessionSecret, Instant now) {
    return JWT.create()
        .withClaim("jti", apikeyId)
        .withExpiresAt(now.plusSeconds(API_TOKEN_LIFETIME_SECONDS))
        .sign(Algorithm.HMAC256(sessionSecret.signingKey()));
  }
}
