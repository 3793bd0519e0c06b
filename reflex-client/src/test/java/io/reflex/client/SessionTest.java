package io.reflex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.client.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class SessionTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeEngine engine = new FakeEngine();

  @BeforeEach
  void route() {
    server.setDispatcher(engine);
  }

  private ReflexClient.Builder client() {
    return FakeEngine.clientOf(server);
  }

  private static JsonNode payload(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  @Test
  void signInSendsApikeyJwtSignedWithTheDecodedSecret() throws Exception {
    engine.enqueue(FakeEngine.noContent());
    long before = Instant.now().getEpochSecond();

    client().build().list(ObjectType.CONFIG);

    RecordedRequest signIn = engine.signInRequests().getFirst();
    assertThat(signIn.getMethod()).isEqualTo("GET");
    assertThat(signIn.getTarget()).isEqualTo("/api/v1/token");
    String jwt = signIn.getHeaders().get("X-ApiKey");
    DecodedJWT verified =
        JWT.require(Algorithm.HMAC256(Base64.getDecoder().decode(FakeEngine.APIKEY_SECRET))).build().verify(jwt);
    assertThat(verified.getAlgorithm()).isEqualTo("HS256");
    assertThat(verified.getId()).isEqualTo("master");
    String seed = verified.getClaim("seed").asString();
    assertThat(seed).hasSizeGreaterThanOrEqualTo(36);
    assertThat(Base64.getDecoder().decode(seed)).hasSize(256);
    JsonNode claims = payload(jwt);
    assertThat(claims.get("exp").isNumber()).isTrue();
    assertThat(claims.get("exp").asLong()).isCloseTo(before + 300, within(5L));
  }

  @Test
  void secretThatIsNotBase64SignsWithItsText() throws Exception {
    engine.enqueue(FakeEngine.noContent());

    client().apikey("tester.not*base64!").build().list(ObjectType.STATE);

    String jwt = engine.signInRequests().getFirst().getHeaders().get("X-ApiKey");
    DecodedJWT verified =
        JWT.require(Algorithm.HMAC256("not*base64!".getBytes(StandardCharsets.UTF_8))).build().verify(jwt);
    assertThat(verified.getId()).isEqualTo("tester");
  }

  @Test
  void objectRequestCarriesApiTokenAndSidCookieButNoContentTypeWithoutBody() throws Exception {
    engine.enqueue(FakeEngine.noContent());
    long before = Instant.now().getEpochSecond();

    client().build().list(ObjectType.CONFIG);

    RecordedRequest request = engine.objectRequest(0);
    assertThat(request.getHeaders().get("Cookie")).isEqualTo("sid=" + FakeEngine.sid(1));
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    String token = request.getHeaders().get("X-ApiToken");
    JWT.require(Algorithm.HMAC256(FakeEngine.sessionSecret(1))).build().verify(token);
    JsonNode claims = payload(token);
    assertThat(claims.get("jti").isIntegralNumber()).as("jti must be the numeric apikey id").isTrue();
    assertThat(claims.get("jti").asLong()).isEqualTo(FakeEngine.APIKEY_ID);
    assertThat(claims.get("exp").asLong()).isCloseTo(before + 60, within(5L));
    assertThat(request.getHeaders().get("X-ApiKey")).isNull();
  }

  @Test
  void writeRequestSendsJsonContentType() {
    engine.enqueue(FakeEngine.json(201, "{\"status\": \"created\"}"));

    client().build().create(ObjectType.STATE, ReflexObject.named("misc"));

    RecordedRequest request = engine.objectRequest(0);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("Cookie")).isEqualTo("sid=" + FakeEngine.sid(1));
    assertThat(request.getHeaders().get("X-ApiToken")).isNotBlank();
  }

  @Test
  void signsInAgainOnceAfter401AndRetriesTheCall() {
    engine.enqueue(FakeEngine.json(401, "{\"status\": \"failed\", \"message\": \"Unauthorized\"}"));
    engine.enqueue(FakeEngine.json(200, "[{\"id\": 1, \"name\": \"bct\"}]"));

    List<ReflexObject> rows = client().build().list(ObjectType.CONFIG);

    assertThat(rows).extracting(ReflexObject::name).containsExactly("bct");
    assertThat(engine.signIns()).isEqualTo(2);
    assertThat(engine.objectRequests()).hasSize(2);
    assertThat(engine.objectRequest(1).getHeaders().get("Cookie")).isEqualTo("sid=" + FakeEngine.sid(2));
    JWT.require(Algorithm.HMAC256(FakeEngine.sessionSecret(2)))
        .build()
        .verify(engine.objectRequest(1).getHeaders().get("X-ApiToken"));
  }

  @Test
  void repeated401IsAuthenticationFailureAfterExactlyOneNewSignIn() {
    String unauthorized = "{\"status\": \"failed\", \"message\": \"Unauthorized\"}";
    engine.enqueue(FakeEngine.json(401, unauthorized)).enqueue(FakeEngine.json(401, unauthorized));

    assertThatThrownBy(() -> client().build().get(ObjectType.CONFIG, "bct"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Unauthorized")
        .satisfies(e -> assertThat(((ReflexException) e).status()).hasValue(401));
    assertThat(engine.signIns()).isEqualTo(2);
    assertThat(engine.objectRequests()).hasSize(2);
  }

  @Test
  void refusedSignInIsAuthenticationFailureWithoutTheSecret() {
    engine.refuseSignIn();

    assertThatThrownBy(() -> client().build().list(ObjectType.CONFIG))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageStartingWith("Sign-in refused for apikey 'master'")
        .hasMessageNotContaining(FakeEngine.APIKEY_SECRET);
    assertThat(engine.signIns()).as("a 401 on sign-in is not retried").isEqualTo(1);
    assertThat(engine.objectRequests()).isEmpty();
  }

  @Test
  void wrongBasePathIsReportedAsASettingsProblem() {
    ReflexClient client = client().url(server.url("/api/v2").toString()).build();
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public mockwebserver3.MockResponse dispatch(RecordedRequest request) {
            return new mockwebserver3.MockResponse.Builder().code(404).build();
          }
        });

    assertThatThrownBy(() -> client.list(ObjectType.CONFIG))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "No Reflex engine answers at "
                + server.url("/api/v2")
                + " (HTTP 404 on GET /api/v2/token); check the base path of REFLEX_URL");
  }

  @Test
  void renewsTheSessionBeforeItExpires() {
    MutableClock clock = new MutableClock(Instant.now());
    FakeEngine timed = new FakeEngine(clock);
    server.setDispatcher(timed);
    for (int i = 0; i < 3; i++) {
      timed.enqueue(FakeEngine.noContent());
    }
    ReflexClient client = client().clock(clock).sessionRefreshMargin(Duration.ofSeconds(30)).build();

    client.list(ObjectType.CONFIG);
    clock.advance(Duration.ofSeconds(260));
    client.list(ObjectType.CONFIG);
    assertThat(timed.signIns()).as("40 s left is more than the margin").isEqualTo(1);
    clock.advance(Duration.ofSeconds(15));
    client.list(ObjectType.CONFIG);

    assertThat(timed.signIns()).as("25 s left is less than the margin").isEqualTo(2);
    assertThat(timed.objectRequest(2).getHeaders().get("Cookie")).isEqualTo("sid=" + FakeEngine.sid(2));
  }

  @Test
  void concurrentCallsShareOneSignIn() throws Exception {
    engine.fallback(request -> FakeEngine.noContent());
    ReflexClient client = client().build();
    List<Callable<List<ReflexObject>>> calls =
        java.util.stream.IntStream.range(0, 16)
            .<Callable<List<ReflexObject>>>mapToObj(i -> () -> client.list(ObjectType.STATE))
            .toList();

    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<List<ReflexObject>> result : pool.invokeAll(calls)) {
        assertThat(result.get()).isEmpty();
      }
    }

    assertThat(engine.signIns()).isEqualTo(1);
    assertThat(engine.objectRequests()).hasSize(16);
  }

  @Test
  void toStringShowsUrlAndApikeyNameOnly() {
    ReflexClient client = client().build();

    assertThat(client.toString())
        .isEqualTo("ReflexClient[url=" + server.url("/api/v1") + ", apikey=master]")
        .doesNotContain(FakeEngine.APIKEY_SECRET);
  }
}
