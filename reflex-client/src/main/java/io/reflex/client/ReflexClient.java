package io.reflex.client;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.internal.Backoff;
import io.reflex.client.internal.Glob;
import io.reflex.client.internal.Json;
import io.reflex.client.internal.QueryText;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A client of one Reflex engine, signed in with one apikey.
 *
 * <p>Immutable and thread-safe: share one instance. All threads use one engine session, which the client
 * renews before it expires and once more after a 401. Use {@link #newBuilder()} to derive a client with other
 * timeouts that shares the connection pool.
 *
 * <p>Every method reports failures as a {@link ReflexException} subtype: {@link EngineUnreachableException}
 * when no answer arrived, the others when the engine refused or answered badly.
 */
public final class ReflexClient {
  static final MediaType JSON = MediaType.get("application/json");
  /** Reads one element of a list answer at a time: the rest of the array follows each, which is not an error. */
  private static final ObjectReader ELEMENTS =
      Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Builder settings;
  private final HttpUrl base;
  private final Apikey apikey;
  private final Transport transport;
  private final SessionKeeper sessions;
  private final Clock clock;

  private ReflexClient(Builder builder) {
    this.settings = builder.copy();
    this.base = builder.base;
    this.apikey = builder.apikey;
    this.clock = builder.clock;
    OkHttpClient http =
        (builder.okHttp == null ? new OkHttpClient() : builder.okHttp)
            .newBuilder()
            .connectTimeout(builder.connectTimeout)
            .readTimeout(builder.readTimeout)
            .writeTimeout(builder.readTimeout)
            .callTimeout(builder.callTimeout)
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();
    this.transport =
        new Transport(
            http, builder.retries, new Backoff(builder.backoffInitial, builder.backoffMax), base.toString());
    this.sessions = new SessionKeeper(transport, base, apikey, builder.clock, builder.sessionRefreshMargin);
  }

  /** A client with default timeouts and retries for {@code url} ({@code http://host:port/api/v1}). */
  public static ReflexClient create(String url, String apikey) {
    return builder().url(url).apikey(apikey).build();
  }

  /**
   * A client set up from {@code REFLEX_URL} and {@code REFLEX_APIKEY}, looked up in Docker secrets, the
   * environment and the profile file, in that order.
   */
  public static ReflexClient fromSettings(ReflexSettings settings) {
    return builder().settings(settings).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this client's settings; clients built from it share this client's connection pool. */
  public Builder newBuilder() {
    Builder builder = settings.copy();
    builder.okHttp = transport.http();
    return builder;
  }

  /** The engine's base URL, {@code {base}} in the reference. */
  public String url() {
    return base.toString();
  }

  /** The name of the apikey this client signs in with. */
  public String apikeyName() {
    return apikey.name();
  }

  /** Current objects of {@code type}, default columns. An empty collection is an empty list. */
  public List<ReflexObject> list(ObjectType type) {
    return list(ListQuery.of(type));
  }

  /** Current objects of {@code type} whose name matches a prefix or glob, with the given columns. */
  public List<ReflexObject> list(ObjectType type, String match, String... cols) {
    return list(ListQuery.of(type).match(match).cols(cols));
  }

  /** Objects, or archived versions, selected by {@code query}. The engine's 204 becomes an empty list. */
  public List<ReflexObject> list(ListQuery query) {
    List<ReflexObject> rows = new ArrayList<>();
    list(query, rows::add);
    return List.copyOf(rows);
  }

  /**
   * Hands each object selected by {@code query} to {@code each}, in the engine's order, as the answer is read. A
   * caller that keeps only part of each object never holds the whole answer as objects: a list of 50,000 instances
   * is some 15 MB of JSON and several times that as trees, all alive at once otherwise.
   */
  public void list(ListQuery query, Consumer<ReflexObject> each) {
    Optional<Glob> glob = query.match().map(Glob::of);
    boolean localFilter = glob.map(Glob::needsLocalFilter).orElse(false);
    HttpUrl.Builder url = typeUrl(query.type()).addPathSegment("");
    glob.map(Glob::enginePrefix)
        .filter(prefix -> !prefix.isEmpty())
        .ifPresent(prefix -> url.addEncodedQueryParameter("match", QueryText.encode(prefix)));
    if (query.archiveFrom().isPresent() && query.archiveTo().isPresent()) {
      String range = Json.epochText(query.archiveFrom().get()) + "~" + Json.epochText(query.archiveTo().get());
      url.addEncodedQueryParameter("archive", QueryText.encode(range));
    }
    List<String> cols = new ArrayList<>(query.cols());
    if (localFilter && !cols.isEmpty() && !cols.contains("name") && !cols.contains("*")) {
      cols.add("name");
    }
    if (!cols.isEmpty()) {
      url.addEncodedQueryParameter("cols", QueryText.encode(String.join(",", cols)));
    }
    Failures.jsonAnswer(call("GET", url.build(), null, null))
        .ifPresent(answer -> readArray(answer, query.type(), object -> {
          if (!localFilter || glob.get().matches(object.name())) {
            each.accept(object);
          }
        }));
  }

  /** Reads a JSON array answer one element at a time; elements that are not objects are skipped. */
  private static void readArray(RawResponse answer, ObjectType type, Consumer<ReflexObject> each) {
    try (JsonParser parser = Json.MAPPER.createParser(answer.body())) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new EngineErrorException(
            "Engine answered a list of " + type.path() + " with JSON that is not an array", 200, null, null);
      }
      // a cut-off answer fails in nextToken, as Jackson expects the array's close
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        JsonNode row = ELEMENTS.readTree(parser);
        if (row.isObject()) {
          each.accept(ReflexObject.wrap((ObjectNode) row, null));
        }
      }
      if (parser.nextToken() != null) {
        throw Failures.malformed(answer, new JsonParseException(parser, "more JSON after the list"));
      }
    } catch (IOException e) {
      throw Failures.malformed(answer, e);
    }
  }

  /**
   * The current object named by {@code target}: a name, a numeric id, or {@code name.id}.
   *
   * @throws NotFoundException when there is none
   */
  public ReflexObject get(ObjectType type, String target) {
    return fetch(typeUrl(type).addPathSegment(target(target)).build(), type);
  }

  /** Like {@link #get} but absence is a normal outcome. */
  public Optional<ReflexObject> find(ObjectType type, String target) {
    try {
      return Optional.of(get(type, target));
    } catch (NotFoundException absent) {
      return Optional.empty();
    }
  }

  /**
   * The archived version of {@code target} last written at {@code updatedAt} (exact to the second).
   *
   * @throws NotFoundException when no version has that time, or the object no longer exists
   */
  public ReflexObject getArchived(ObjectType type, String target, Instant updatedAt) {
    if (!type.archiveQueryable()) {
      throw new IllegalArgumentException(type.tableName() + " does not support archives");
    }
    HttpUrl url =
        typeUrl(type)
            .addPathSegment(target(target))
            .addEncodedQueryParameter("archive", QueryText.encode(Json.epochText(updatedAt)))
            .build();
    return fetch(url, type);
  }

  /**
   * Creates an object. Never retried on its own: the engine may have stored it before a connection broke.
   *
   * @throws ConflictException when the name is taken
   */
  public WriteResult create(ObjectType type, ReflexObject body) {
    HttpUrl url = typeUrl(type).build();
    return write(call("POST", url, body, null), WriteStatus.CREATED);
  }

  /**
   * Replaces the object named by {@code target} (fields missing from {@code body} are removed), or creates it
   * when the name is new, as the engine's PUT does.
   */
  public WriteResult update(ObjectType type, String target, ReflexObject body) {
    return put(typeUrl(type).addPathSegment(target(target)).build(), body, null);
  }

  /**
   * Replaces the object only if it is still at {@code expectedVersion} (from {@link ReflexObject#version()}).
   *
   * @throws ConflictException when someone wrote it in between (HTTP 412)
   */
  public WriteResult update(ObjectType type, String target, ReflexObject body, String expectedVersion) {
    return put(typeUrl(type).addPathSegment(target(target)).build(), body, ifMatch(expectedVersion));
  }

  /** Deep-merges {@code body} into the stored object on the engine side; objects merge, the rest is replaced. */
  public WriteResult merge(ObjectType type, String target, ReflexObject body) {
    return put(mergeUrl(type, target), body, null);
  }

  /** Like {@link #merge(ObjectType, String, ReflexObject)}, conditional on {@code expectedVersion}. */
  public WriteResult merge(ObjectType type, String target, ReflexObject body, String expectedVersion) {
    return put(mergeUrl(type, target), body, ifMatch(expectedVersion));
  }

  /** Deletes the object. Archived versions stay. */
  public WriteResult delete(ObjectType type, String target) {
    HttpUrl url = typeUrl(type).addPathSegment(target(target)).build();
    return write(call("DELETE", url, null, null), WriteStatus.DELETED);
  }

  /**
   * Registers a running instance: the engine merges {@code body} into the instance (creating it if new) and
   * records the caller's address. An unchanged ping is a success with {@link WriteStatus#UNCHANGED}.
   */
  public WriteResult pingInstance(String name, ReflexObject body) {
    HttpUrl url = base.newBuilder().addPathSegment("instance-ping").addPathSegment(target(name)).build();
    return write(call("PUT", url, body, null), WriteStatus.UPDATED);
  }

  /**
   * Follows changes on the engine until the returned subscription is closed. Uses the engine's watch feed and
   * falls back to polling {@link #list} on engines that lack it; see {@link WatchSubscription}.
   */
  public WatchSubscription watch(WatchRequest request, WatchListener listener) {
    return WatchSubscription.start(
        this, Objects.requireNonNull(request, "request"), Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public String toString() {
    return "ReflexClient[url=" + base + ", apikey=" + apikey.name() + "]";
  }

  private ReflexObject fetch(HttpUrl url, ObjectType type) {
    RawResponse response = call("GET", url, null, null);
    JsonNode body = Failures.body(response);
    if (!body.isObject()) {
      throw new EngineErrorException(
          "Engine answered a get of " + type.path() + " without a JSON object", response.code(), null, null);
    }
    return ReflexObject.wrap((ObjectNode) body, version(response.headers().get("ETag")));
  }

  private WriteResult put(HttpUrl url, ReflexObject body, String ifMatch) {
    return write(call("PUT", url, body, ifMatch), WriteStatus.UPDATED);
  }

  private WriteResult write(RawResponse response, WriteStatus usual) {
    JsonNode body = Failures.body(response);
    if (response.code() == 202) {
      return new WriteResult(WriteStatus.UNCHANGED, 202, null);
    }
    WriteStatus status =
        switch (body.path("status").asText("").toLowerCase(Locale.ROOT)) {
          case "created" -> WriteStatus.CREATED;
          case "updated" -> WriteStatus.UPDATED;
          case "deleted" -> WriteStatus.DELETED;
          default -> usual;
        };
    JsonNode warning = body.path("warning");
    return new WriteResult(
        status, response.code(), warning.isValueNode() && !warning.asText().isBlank() ? warning.asText() : null);
  }

  /**
   * One authenticated call. A 401 means the session is gone (engine restart, expiry, purge), so the client signs
   * in again and repeats the call once; the engine has not acted on a request it refused with 401.
   */
  RawResponse call(String method, HttpUrl url, ReflexObject body, String ifMatch) {
    RequestBody requestBody = body == null ? null : RequestBody.create(bytes(body), JSON);
    Session[] used = new Session[1];
    Supplier<Request> request =
        () -> {
          Session session = sessions.current();
          used[0] = session;
          Request.Builder builder =
              new Request.Builder()
                  .url(url)
                  .method(method, requestBody)
                  .header("X-ApiToken", sessions.apiToken(session))
                  .header("Cookie", "sid=" + session.sid());
          if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
          }
          return builder.build();
        };
    RawResponse response = transport.send(request);
    if (response.code() == 401) {
      sessions.invalidate(used[0]);
      response = transport.send(request);
    }
    return response;
  }

  SessionKeeper sessions() {
    return sessions;
  }

  Transport transport() {
    return transport;
  }

  HttpUrl base() {
    return base;
  }

  Clock clock() {
    return clock;
  }

  private HttpUrl mergeUrl(ObjectType type, String target) {
    return typeUrl(type).addPathSegment(target(target)).addQueryParameter("merge", "true").build();
  }

  private HttpUrl.Builder typeUrl(ObjectType type) {
    return base.newBuilder().addPathSegment(Objects.requireNonNull(type, "type").path());
  }

  private static String target(String target) {
    Objects.requireNonNull(target, "target");
    if (target.isBlank()) {
      throw new IllegalArgumentException("target is empty; name an object by name, id or name.id");
    }
    return target;
  }

  private static byte[] bytes(ReflexObject body) {
    try {
      return Json.MAPPER.writeValueAsBytes(body.tree());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }

  private static String ifMatch(String version) {
    Objects.requireNonNull(version, "expectedVersion");
    return version.startsWith("\"") || version.startsWith("W/") ? version : "\"" + version + "\"";
  }

  private static String version(String etag) {
    if (etag == null || etag.isBlank()) {
      return null;
    }
    String value = etag.strip();
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  /** Settings of a {@link ReflexClient}. Defaults suit an interactive tool talking to a nearby engine. */
  public static final class Builder {
    private HttpUrl base;
    private Apikey apikey;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private int retries = 3;
    private Duration backoffInitial = Duration.ofMillis(250);
    private Duration backoffMax = Duration.ofSeconds(5);
    private Duration sessionRefreshMargin = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private OkHttpClient okHttp;

    private Builder() {}

    /**
     * The engine's base URL in {@code REFLEX_URL} form, {@code scheme://host:port/api/v1}.
     *
     * @throws InvalidSettingsException when it is not an http(s) URL
     */
    public Builder url(String url) {
      this.base = EngineUrl.parse(url);
      return this;
    }

    /** The apikey as {@code name.secret}. */
    public Builder apikey(String apikey) {
      this.apikey = Apikey.parse(apikey);
      return this;
    }

    public Builder apikey(Apikey apikey) {
      this.apikey = Objects.requireNonNull(apikey, "apikey");
      return this;
    }

    /** Takes url and apikey from {@code REFLEX_URL} and {@code REFLEX_APIKEY} in {@code settings}. */
    public Builder settings(ReflexSettings settings) {
      url(settings.require(ReflexSettings.URL));
      apikey(settings.require(ReflexSettings.APIKEY));
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout, "connectTimeout");
      return this;
    }

    /** The longest silence allowed while waiting for (part of) an answer. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = nonNegative(timeout, "readTimeout");
      return this;
    }

    /** The longest one HTTP exchange may take from start to end, retries excluded; zero means no limit. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = nonNegative(timeout, "callTimeout");
      return this;
    }

    /** How often an idempotent call is repeated after a connection failure or a 502/503/504. */
    public Builder retries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be >= 0");
      }
      this.retries = retries;
      return this;
    }

    /** The first and the longest pause between retries; the pauses double and are jittered. */
    public Builder retryBackoff(Duration initial, Duration max) {
      new Backoff(initial, max);
      this.backoffInitial = initial;
      this.backoffMax = max;
      return this;
    }

    /** Signs in again when the session has less than this left, so calls do not meet an expired session. */
    public Builder sessionRefreshMargin(Duration margin) {
      this.sessionRefreshMargin = nonNegative(margin, "sessionRefreshMargin");
      return this;
    }

    /** The clock for token expiry and session renewal; tests move it instead of waiting. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** An OkHttp client to share connection pool and dispatcher with; its timeouts are overridden. */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttp = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * @throws InvalidSettingsException when url or apikey is missing
     */
    public ReflexClient build() {
      if (base == null) {
        throw new InvalidSettingsException("No engine URL given (REFLEX_URL)");
      }
      if (apikey == null) {
        throw new InvalidSettingsException("No apikey given (REFLEX_APIKEY)");
      }
      return new ReflexClient(this);
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.base = base;
      copy.apikey = apikey;
      copy.connectTimeout = connectTimeout;
      copy.readTimeout = readTimeout;
      copy.callTimeout = callTimeout;
      copy.retries = retries;
      copy.backoffInitial = backoffInitial;
      copy.backoffMax = backoffMax;
      copy.sessionRefreshMargin = sessionRefreshMargin;
      copy.clock = clock;
      copy.okHttp = okHttp;
      return copy;
    }

    private static Duration nonNegative(Duration value, String what) {
      if (Objects.requireNonNull(value, what).isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative");
      }
      return value;
    }
  }
}
