package io.reflex.engine.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A deliberately low-level client for black-box tests: it builds the original clients' exact headers and JWTs, so
 * tests pin the wire format rather than trusting the SDK under test.
 */
public final class WireClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;

    public WireClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A signed-in session: what every object request needs. */
    public record Session(String sid, String secret, long jti) {}

    /** One exchange's result. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0));
        }
    }

    /** The Python client's sign-in JWT: HS256 with the base64-decoded secret. */
    public static String apikeyJwt(String apikey) {
        int dot = apikey.indexOf('.');
        return apikeyJwt(apikey.substring(0, dot), Base64.getDecoder().decode(apikey.substring(dot + 1)),
                Instant.now().plusSeconds(300));
    }

    public static String apikeyJwt(String name, byte[] key, Instant expires) {
        byte[] seed = new byte[256];
        RANDOM.nextBytes(seed);
        return JWT.create().withJWTId(name).withClaim("seed", Base64.getEncoder().encodeToString(seed))
                .withExpiresAt(expires).sign(Algorithm.HMAC256(key));
    }

    public Session signIn(String apikey) {
        Answer answer = send("GET", "/token", Map.of("X-ApiKey", apikeyJwt(apikey)), null);
        if (answer.status() != 200) {
            throw new AssertionError("sign-in failed: " + answer.status() + " " + answer.body());
        }
        JsonNode body = answer.json();
        return new Session(body.get("session").asText(), body.get("secret").asText(), body.get("jti").asLong());
    }

    /** The per-request token of the Python client: {jti: apikey id, exp: now+60}, HS256 with the decoded secret. */
    public static Map<String, String> authHeaders(Session session) {
        String token = JWT.create().withClaim("jti", session.jti()).withExpiresAt(Instant.now().plusSeconds(60))
                .sign(Algorithm.HMAC256(Base64.getDecoder().decode(session.secret())));
        return Map.of("X-ApiToken", token, "Cookie", "sid=" + session.sid());
    }

    public Answer call(Session session, String method, String path, String jsonBody) {
        return send(method, path, authHeaders(session), jsonBody);
    }

    public Answer send(String method, String path, Map<String, String> headers, String jsonBody) {
        Request.Builder request = new Request.Builder().url(baseUrl + path);
        headers.forEach(request::header);
        MediaType type = headers.containsKey("Content-Type") ? MediaType.get(headers.get("Content-Type")) : APPLICATION_JSON;
        RequestBody body = jsonBody == null ? null : RequestBody.create(jsonBody, type);
        if (body == null && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
            body = RequestBody.create(new byte[0], APPLICATION_JSON);
        }
        request.method(method, body);
        try (Response response = HTTP.newCall(request.build()).execute()) {
            return new Answer(response.code(), response.headers().toMultimap(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
