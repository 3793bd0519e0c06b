package io.reflex.client.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.reflex.client.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints the two HS256 JWTs of the Reflex protocol (reference sections 2.2 and 2.4).
 *
 * <p>Both tokens have a fixed, flat claim set, so they are written here with Jackson's streaming generator and the
 * JDK's HMAC instead of a JWT library: java-jwt builds its own {@code ObjectMapper} and serialises claims as beans,
 * which cost about 20 ms of every {@code launch} start, and nimbus-jose-jwt refuses HMAC keys under 256 bits that
 * the engine accepts (docs/decisions/0007-jwt-signing.md). The tests verify the tokens with java-jwt.
 */
public final class Tokens {
  /** How long the sign-in JWT is valid; the Python client's value, within the engine's recommended bound. */
  public static final long SIGN_IN_LIFETIME_SECONDS = 300;

  /** How long one API token is valid; minted per request, as the Python client does. */
  public static final long API_TOKEN_LIFETIME_SECONDS = 60;

  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      BASE64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /**
   * The {@code X-ApiKey} JWT: {@code jti} is the apikey name, {@code seed} 256 random bytes in base64 (the engine
   * wants at least 36 characters of it), {@code exp} numeric.
   */
  public static String signIn(String apikeyName, Secret apikeySecret, Instant now) {
    byte[] seed = new byte[256];
    RANDOM.nextBytes(seed);
    return sign(
        apikeySecret,
        claims -> {
          claims.writeStringField("jti", apikeyName);
          claims.writeStringField("seed", Base64.getEncoder().encodeToString(seed));
          claims.writeNumberField("exp", now.plusSeconds(SIGN_IN_LIFETIME_SECONDS).getEpochSecond());
        });
  }

  /**
   * The {@code X-ApiToken} JWT. Its {@code jti} must be the numeric apikey id from sign-in (the engine finds the
   * session by id and cookie; the apikey name gives 401).
   */
  public static String apiToken(long apikeyId, Secret sessionSecret, Instant now) {
    return sign(
        sessionSecret,
        claims -> {
          claims.writeNumberField("jti", apikeyId);
          claims.writeNumberField("exp", now.plusSeconds(API_TOKEN_LIFETIME_SECONDS).getEpochSecond());
        });
  }

  /** JWS compact serialisation (RFC 7515, 7.1): header, claims and HMAC, each base64url without padding. */
  private static String sign(Secret key, Claims claims) {
    String signingInput = HEADER + "." + BASE64URL.encodeToString(json(claims));
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(key.signingKey(), HMAC_SHA256));
      byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot compute " + HMAC_SHA256, e);
    }
  }

  private static byte[] json(Claims claims) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
      generator.writeStartObject();
      claims.write(generator);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JWT claims", e);
    }
    return out.toByteArray();
  }

  @FunctionalInterface
  private interface Claims {
    void write(JsonGenerator generator) throws IOException;
  }
}
