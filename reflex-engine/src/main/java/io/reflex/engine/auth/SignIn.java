package io.reflex.engine.auth;

import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.engine.http.ApiException;
import io.reflex.engine.http.ApiRequest;
import io.reflex.engine.http.Reply;
import io.reflex.engine.http.WireJson;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.model.Target;
import io.reflex.engine.crypto.SensitiveFields;
import io.reflex.engine.store.ObjectStore;
import io.reflex.engine.store.StoredObject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET {base}/token}: trades a JWT signed with an apikey secret for a session. Every refusal is the same
 * fast 401, so a caller cannot tell an unknown apikey from a wrong secret.
 */
public final class SignIn {

    private static final Pattern JTI = Pattern.compile("[a-z0-9-]*");
    private static final int MIN_SEED_LENGTH = 36;

    private final ObjectStore objects;
    private final SensitiveFields sensitive;
    private final Sessions sessions;
    private final Clock clock;
    private final Duration missingKeyDelay;
    private final String routeBase;

    public SignIn(ObjectStore objects, SensitiveFields sensitive, Sessions sessions, Clock clock,
            Duration missingKeyDelay, String routeBase) {
        this.objects = objects;
        this.sensitive = sensitive;
        this.sessions = sessions;
        this.clock = clock;
        this.missingKeyDelay = missingKeyDelay;
        this.routeBase = routeBase;
    }

    public Reply handle(ApiRequest request) throws InterruptedException {
        Optional<String> header = request.header("X-ApiKey");
        if (header.isEmpty()) {
            Thread.sleep(missingKeyDelay);
            throw ApiException.unauthorized();
        }
        DecodedJWT unverified = Jwts.peek(header.get()).orElseThrow(ApiException::unauthorized);
        String jti = Jwts.text(unverified.getClaim("jti"))
                .filter(j -> JTI.matcher(j).matches() && !j.isEmpty())
                .orElseThrow(ApiException::unauthorized);
        StoredObject apikey = resolve(jti).orElseThrow(ApiException::unauthorized);
        Jwts.KeySet keys = new Jwts.KeySet(
                sensitive.apikeySecrets(apikey).stream().flatMap(s -> Jwts.keysOf(s).stream()).toList());
        long now = clock.millis();
        DecodedJWT token = keys.verify(unverified)
                .filter(t -> Jwts.expiryWithin(t, sessions.lifetimeSeconds(), now))
                .orElseThrow(ApiException::unauthorized);
        String seed = token.getClaim("seed").asString();
        if (seed == null || seed.length() < MIN_SEED_LENGTH) {
            throw ApiException.unauthorized();
        }
        Sessions.Opened session = sessions.open(apikey.id(), apikey.name(), request.ip());
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("status", "success")
                .put("session", session.sid())
                .put("secret", session.secret())
                .put("jti", session.tokenId());
        body.set("expires_at", WireJson.epochSeconds(session.expiresMillis()));
        return Reply.json(200, body).withHeader("Set-Cookie", "sid=" + session.sid() + "; Max-Age="
                + sessions.lifetimeSeconds() + "; Path=" + routeBase + "; Version=1; HttpOnly");
    }

    private Optional<StoredObject> resolve(String jti) {
        Target target;
        try {
            target = Target.parse(jti);
        } catch (Target.InvalidTargetException e) {
            return Optional.empty();
        }
        String table = ObjectKind.APIKEY.table();
        return target.resolve(id -> objects.byId(table, id), name -> objects.byName(table, name));
    }
}
