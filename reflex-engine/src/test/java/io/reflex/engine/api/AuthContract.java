package io.reflex.engine.api;

import static io.reflex.engine.api.EngineFixture.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.engine.testing.WireClient;
import io.reflex.engine.testing.WireClient.Answer;
import io.reflex.engine.testing.WireClient.Session;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-in and per-request tokens (reference section 2), including every way they can be wrong. */
interface AuthContract extends EngineFixture {

    private String masterName() {
        return engine().masterKey().substring(0, engine().masterKey().indexOf('.'));
    }

    private byte[] masterSecretDecoded() {
        return Base64.getDecoder().decode(engine().masterKey().substring(engine().masterKey().indexOf('.') + 1));
    }

    private Answer signInWith(String jwt) {
        return wire().send("GET", "/token", Map.of("X-ApiKey", jwt), null);
    }

    @Test
    default void signInAnswersSessionSecretJtiAndCookie() {
        Answer answer = signInWith(WireClient.apikeyJwt(engine().masterKey()));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("status").asText()).isEqualTo("success");
        assertThat(body.get("session").asText()).matches("[0-9a-f]{64}");
        assertThat(Base64.getDecoder().decode(body.get("secret").asText())).hasSize(64);
        assertThat(body.get("jti").isIntegralNumber()).isTrue();
        assertThat(body.get("jti").asLong()).isEqualTo(100);
        assertThat(body.get("expires_at").asDouble()).isCloseTo(Instant.now().getEpochSecond() + 300.0,
                org.assertj.core.data.Offset.offset(5.0));
        assertThat(answer.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("sid=" + body.get("session").asText() + "; Max-Age=300; Path=/api/v1; Version=1"));
        assertThat(answer.body()).startsWith("{\"status\": \"success\", \"session\": ")
                .containsPattern("\"expires_at\": [0-9]{10}\\.[0-9]+}$");
    }

    @Test
    default void signInAcceptsTheNodeClientsBase64TextKey() {
        String secretText = engine().masterKey().substring(engine().masterKey().indexOf('.') + 1);
        String jwt = JWT.create().withJWTId(masterName()).withClaim("seed", java.util.UUID.randomUUID().toString())
                .withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(300))
                .sign(Algorithm.HMAC256(secretText.getBytes(StandardCharsets.US_ASCII)));
        assertThat(signInWith(jwt).status()).isEqualTo(200);
    }

    @Test
    default void signInAcceptsTheApikeyIdAsJtiAndHs512() {
        String jwt = JWT.create().withClaim("jti", 100).withClaim("seed", "x".repeat(36))
                .withExpiresAt(Instant.now().plusSeconds(60)).sign(Algorithm.HMAC512(masterSecretDecoded()));
        assertThat(signInWith(jwt).status()).isEqualTo(200);
    }

    @Test
    default void signInRefusesWrongKeyExpiredTokenMissingOrShortSeedUnknownKeyAndGarbage() {
        byte[] wrongKey = new byte[66];
        assertFailed(signInWith(WireClient.apikeyJwt(masterName(), wrongKey, Instant.now().plusSeconds(60))), 401,
                "Unauthorized");
        assertFailed(signInWith(WireClient.apikeyJwt(masterName(), masterSecretDecoded(), Instant.now().minusSeconds(600))),
                401, "Unauthorized");
        assertFailed(signInWith(WireClient.apikeyJwt("nobody", masterSecretDecoded(), Instant.now().plusSeconds(60))),
                401, "Unauthorized");
        String noSeed = JWT.create().withJWTId(masterName()).withExpiresAt(Instant.now().plusSeconds(60))
                .sign(Algorithm.HMAC256(masterSecretDecoded()));
        assertFailed(signInWith(noSeed), 401, "Unauthorized");
        String shortSeed = JWT.create().withJWTId(masterName()).withClaim("seed", "short")
                .withExpiresAt(Instant.now().plusSeconds(60)).sign(Algorithm.HMAC256(masterSecretDecoded()));
        assertFailed(signInWith(shortSeed), 401, "Unauthorized");
        assertFailed(signInWith("not-a-jwt"), 401, "Unauthorized");
        assertFailed(signInWith(JWT.create().withJWTId(masterName()).withClaim("seed", "x".repeat(40))
                .withExpiresAt(Instant.now().plusSeconds(60)).sign(Algorithm.none())), 401, "Unauthorized");
    }

    @Test
    default void signInRefusesAnExpiryFarInTheFuture() {
        String jwt = WireClient.apikeyJwt(masterName(), masterSecretDecoded(), Instant.now().plusSeconds(86_400));
        assertFailed(signInWith(jwt), 401, "Unauthorized");
    }

    @Test
    default void signInWithoutAnyApikeyHeaderIsRefusedAfterADelay() {
        long started = System.nanoTime();
        assertFailed(wire().send("GET", "/token", Map.of(), null), 401, "Unauthorized");
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
    }

    @Test
    default void objectRoutesNeedBothTokenAndSessionCookie() {
        Map<String, String> auth = WireClient.authHeaders(master());
        assertFailed(wire().send("GET", "/config/", Map.of("Cookie", auth.get("Cookie")), null), 401, "Unauthorized");
        assertFailed(wire().send("GET", "/config/", Map.of("X-ApiToken", auth.get("X-ApiToken")), null), 401,
                "Unauthorized");
        assertFailed(wire().send("GET", "/config/", Map.of("X-ApiToken", auth.get("X-ApiToken"),
                "Cookie", "sid=" + "0".repeat(64)), null), 401, "Unauthorized");
        Session forged = new Session(master().sid(), Base64.getEncoder().encodeToString(new byte[64]), master().jti());
        assertFailed(wire().call(forged, "GET", "/config/", null), 401, "Unauthorized");
        Session byName = new Session(master().sid(), master().secret(), 0);
        assertFailed(wire().send("GET", "/config/", Map.of("X-ApiToken",
                JWT.create().withJWTId("master").withExpiresAt(Instant.now().plusSeconds(60))
                        .sign(Algorithm.HMAC256(Base64.getDecoder().decode(byName.secret()))),
                "Cookie", "sid=" + master().sid()), null), 401, "Unauthorized");
        assertFailed(wire().send("GET", "/config/", Map.of("X-ApiKey", WireClient.apikeyJwt(engine().masterKey()),
                "Cookie", "sid=" + master().sid()), null), 401, "Unauthorized");
    }

    @Test
    default void expiredApiTokenIsRefused() {
        String token = JWT.create().withClaim("jti", master().jti()).withExpiresAt(Instant.now().minusSeconds(120))
                .sign(Algorithm.HMAC256(Base64.getDecoder().decode(master().secret())));
        assertFailed(wire().send("GET", "/config/", Map.of("X-ApiToken", token, "Cookie", "sid=" + master().sid()),
                null), 401, "Unauthorized");
    }

    @Test
    default void nodeStyleApiTokenSignedWithSecretTextWorks() {
        String token = JWT.create().withClaim("jti", master().jti()).withClaim("sid", master().sid())
                .withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(200))
                .sign(Algorithm.HMAC256(master().secret().getBytes(StandardCharsets.US_ASCII)));
        Answer answer = wire().send("GET", "/policy/master", Map.of("X-ApiToken", token, "Cookie", "sid=" + master().sid()), null);
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    default void healthNeedsNoAuthAndReportsDetail() {
        assertThat(wire().send("GET", "/health", Map.of(), null).status()).isEqualTo(204);
        Answer detail = wire().send("GET", "/health?detail=true", Map.of(), null);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().has("last-heartbeat")).isTrue();
        assertThat(detail.json().get("version").asLong()).isZero();
    }
}
