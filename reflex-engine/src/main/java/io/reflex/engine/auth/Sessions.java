package io.reflex.engine.auth;

import com.auth0.jwt.interfaces.DecodedJWT;
import io.reflex.engine.crypto.SecretCipher;
import io.reflex.engine.http.ApiException;
import io.reflex.engine.http.ApiRequest;
import io.reflex.engine.store.SessionStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Opens sessions for signed-in apikeys and authenticates each request by its {@code X-ApiToken} and {@code sid}
 * cookie. Sessions live in the database so every engine node accepts them; each node caches the ones it has seen.
 */
public final class Sessions {

    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    private final SessionStore store;
    private final SecretCipher cipher;
    private final Clock clock;
    private final long lifetimeSeconds;
    private final boolean bindToIp;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> cache = new ConcurrentHashMap<>();

    public Sessions(SessionStore store, SecretCipher cipher, Clock clock, long lifetimeSeconds, boolean bindToIp) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
        this.lifetimeSeconds = lifetimeSeconds;
        this.bindToIp = bindToIp;
    }

    /** A newly opened session, as the sign-in answer reports it. */
    public record Opened(String sid, String secret, long tokenId, long expiresMillis) {}

    private record Session(long tokenId, String tokenName, Jwts.KeySet keys, long expiresMillis, String ip) {}

    public long lifetimeSeconds() {
        return lifetimeSeconds;
    }

    Opened open(long tokenId, String tokenName, String ip) {
        byte[] sidBytes = new byte[32];
        byte[] secretBytes = new byte[64];
        random.nextBytes(sidBytes);
        random.nextBytes(secretBytes);
        String sid = HexFormat.of().formatHex(sidBytes);
        String secret = Base64.getEncoder().encodeToString(secretBytes);
        long now = clock.millis();
        long expires = now + lifetimeSeconds * 1000;
        store.insert(new SessionStore.Row(sid, tokenId, tokenName, cipher.encrypt(secret), expires, ip));
        cache.put(sid, new Session(tokenId, tokenName, new Jwts.KeySet(Jwts.keysOf(secret)), expires, ip));
        return new Opened(sid, secret, tokenId, expires);
    }

    /** @throws ApiException 401 for every way the token, cookie or session can be wrong */
    public Caller authenticate(ApiRequest request) {
        String token = request.header("X-ApiToken").orElseThrow(ApiException::unauthorized);
        DecodedJWT unverified = Jwts.peek(token).orElseThrow(ApiException::unauthorized);
        String jti = Jwts.text(unverified.getClaim("jti"))
                .filter(j -> NUMERIC.matcher(j).matches())
                .orElseThrow(ApiException::unauthorized);
        String sid = request.cookie("sid").orElseThrow(ApiException::unauthorized);
        long tokenId;
        try {
            tokenId = Long.parseLong(jti);
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized();
        }
        long now = clock.millis();
        Session session = session(sid, tokenId, now).orElseThrow(ApiException::unauthorized);
        if (bindToIp && !session.ip().equals(request.ip())) {
            throw ApiException.unauthorized();
        }
        session.keys().verify(unverified)
                .filter(t -> Jwts.expiryWithin(t, lifetimeSeconds, now))
                .orElseThrow(ApiException::unauthorized);
        return new Caller(session.tokenId(), session.tokenName(), request.ip(), titleCased(request.headers()));
    }

    private Optional<Session> session(String sid, long tokenId, long now) {
        Session cached = cache.get(sid);
        if (cached != null) {
            return cached.tokenId() == tokenId && cached.expiresMillis() >= now ? Optional.of(cached) : Optional.empty();
        }
        return store.find(sid, tokenId, now).map(row -> {
            Session loaded = new Session(row.tokenId(), row.tokenName(),
                    new Jwts.KeySet(Jwts.keysOf(cipher.decrypt(row.encryptedSecret()))), row.expiresMillis(), row.ip());
            cache.put(sid, loaded);
            return loaded;
        });
    }

    /** Drops expired sessions from the database and this node's cache. */
    public void purgeExpired() {
        long now = clock.millis();
        cache.values().removeIf(s -> s.expiresMillis() < now);
        store.purgeExpired(now);
    }

    /** Ends every session of an apikey that was deleted, on this node and in the database. */
    public void endSessionsOf(long tokenId) {
        cache.values().removeIf(s -> s.tokenId() == tokenId);
        store.deleteFor(tokenId);
    }

    /** Policies see headers as the original's framework gave them: {@code X-Password}, {@code User-Agent}. */
    private static Map<String, String> titleCased(TreeMap<String, String> headers) {
        Map<String, String> out = new TreeMap<>();
        headers.forEach((name, value) -> out.put(titleCase(name), value));
        return out;
    }

    private static String titleCase(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
