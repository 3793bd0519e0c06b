package io.reflex.engine.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HMAC JWT checks shared by sign-in and per-request tokens. Clients disagree on the key: the Python client signs
 * with the base64-decoded secret, the Node client with the base64 text, so both are tried.
 */
final class Jwts {

    static final long LEEWAY_SECONDS = 60;
    private static final long CLIENT_SIGN_IN_SECONDS = 300;

    private Jwts() {}

    /** The token's claims without checking the signature, or empty when it is not a JWT at all. */
    static Optional<DecodedJWT> peek(String token) {
        try {
            return Optional.of(JWT.decode(token));
        } catch (JWTDecodeException e) {
            return Optional.empty();
        }
    }

    /** A claim as text: strings as they are, integral numbers in decimal (the original stringified jti). */
    static Optional<String> text(Claim claim) {
        if (claim.isMissing() || claim.isNull()) {
            return Optional.empty();
        }
        String asString = claim.asString();
        if (asString != null) {
            return Optional.of(asString);
        }
        Double number = claim.asDouble();
        if (number != null && number == Math.rint(number)) {
            return Optional.of(Long.toString(number.longValue()));
        }
        return Optional.empty();
    }

    /** The two keys a secret may have been signed with: its decoded bytes (when it is base64) and its text. */
    static List<byte[]> keysOf(String secret) {
        List<byte[]> keys = new ArrayList<>(2);
        try {
            keys.add(Base64.getDecoder().decode(secret));
        } catch (IllegalArgumentException notBase64) {
            // a user-made secret need not be base64; its text is still a valid key
        }
        keys.add(secret.getBytes(StandardCharsets.UTF_8));
        return keys;
    }

    /**
     * The key forms of one or more secrets, with their verifiers built once per algorithm and kept: a session's keys
     * verify every request of the session.
     */
    static final class KeySet {
        private final List<byte[]> keys;
        private final Map<String, List<JWTVerifier>> verifiers = new ConcurrentHashMap<>();

        KeySet(List<byte[]> keys) {
            this.keys = List.copyOf(keys);
        }

        /**
         * Verifies the signature with each key in turn and the time claims with some leeway.
         *
         * @return the verified token, or empty when no key verifies or the token is expired
         */
        Optional<DecodedJWT> verify(DecodedJWT token) {
            for (JWTVerifier verifier : verifiers.computeIfAbsent(token.getAlgorithm(), this::verifiersFor)) {
                try {
                    return Optional.of(verifier.verify(token));
                } catch (SignatureVerificationException wrongKey) {
                    // try the next form of the key
                } catch (JWTVerificationException expiredOrMalformed) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }

        private List<JWTVerifier> verifiersFor(String algorithmName) {
            List<JWTVerifier> out = new ArrayList<>();
            for (byte[] key : keys) {
                if (key.length > 0) {
                    algorithm(algorithmName, key)
                            .ifPresent(a -> out.add(JWT.require(a).acceptLeeway(LEEWAY_SECONDS).build()));
                }
            }
            return out;
        }
    }

    /** Only HMAC algorithms: never {@code none}, never an asymmetric algorithm chosen by the caller. */
    private static Optional<Algorithm> algorithm(String name, byte[] key) {
        return switch (name) {
            case "HS256" -> Optional.of(Algorithm.HMAC256(key));
            case "HS384" -> Optional.of(Algorithm.HMAC384(key));
            case "HS512" -> Optional.of(Algorithm.HMAC512(key));
            default -> Optional.empty();
        };
    }

    /**
     * True when {@code exp} exists and is not further ahead than the session lifetime allows. The bound never drops
     * below 300 s, because the original clients always ask for 300 s (sign-in) or up to the session's end.
     */
    static boolean expiryWithin(DecodedJWT token, long sessionSeconds, long nowMillis) {
        if (token.getExpiresAt() == null) {
            return false;
        }
        long maxAhead = Math.max(sessionSeconds, CLIENT_SIGN_IN_SECONDS) + LEEWAY_SECONDS;
        return token.getExpiresAt().getTime() <= nowMillis + maxAhead * 1000;
    }
}
