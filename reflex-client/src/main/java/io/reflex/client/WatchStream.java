package io.reflex.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.internal.Json;
import io.reflex.client.internal.QueryText;
import io.reflex.client.internal.SseParser;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One connection to the engine's {@code GET {base}/watch} Server-Sent Events feed. */
final class WatchStream {
  private static final Logger LOG = LoggerFactory.getLogger(WatchStream.class);

  /** Why {@link #run} returned. */
  enum End {
    /** The engine closed the stream; reconnect. */
    CLOSED,
    /** The engine has no watch route (the original engine answers 404); poll instead. */
    UNSUPPORTED
  }

  /** The cancel hook of the call in flight, so that closing a subscription unblocks its read at once. */
  interface CallHolder {
    /** Returns false when the subscription is already closed and the call must not start. */
    boolean hold(Call call);
  }

  private final ReflexClient client;
  private final OkHttpClient http;
  private final WatchRequest request;

  WatchStream(ReflexClient client, WatchRequest request) {
    this.client = client;
    this.request = request;
    this.http =
        client.transport().http().newBuilder()
            .readTimeout(request.idleTimeout())
            .callTimeout(Duration.ZERO)
            .build();
  }

  /**
   * Opens the feed (resuming after {@code lastSeq} when positive) and hands each change to {@code sink} until
   * the stream ends. {@code connected} runs once the engine accepted the stream.
   *
   * @throws IOException when the connection fails or breaks
   * @throws ReflexException when the engine refuses the stream
   */
  End run(long lastSeq, CallHolder holder, Runnable connected, Consumer<WatchEvent> sink) throws IOException {
    Session session = client.sessions().current();
    Response response = open(session, lastSeq, holder);
    if (response.code() == 401) {
      response.close();
      client.sessions().invalidate(session);
      response = open(client.sessions().current(), lastSeq, holder);
    }
    try (Response answer = response) {
      if (answer.code() == 404) {
        return End.UNSUPPORTED;
      }
      if (answer.code() != 200) {
        throw Failures.refusal(
            new RawResponse(
                "GET",
                answer.request().url().encodedPath(),
                answer.code(),
                answer.headers(),
                answer.body().contentType(),
                answer.body().bytes()));
      }
      MediaType type = answer.body().contentType();
      if (type == null || !type.type().equals("text") || !type.subtype().equals("event-stream")) {
        throw new EngineErrorException(
            "Engine answered the watch with "
                + (type == null ? "no content type" : type.type() + "/" + type.subtype())
                + " instead of an event stream (GET " + answer.request().url().encodedPath() + ")",
            answer.code(),
            null,
            null);
      }
      connected.run();
      read(answer.body().source(), sink);
      return End.CLOSED;
    }
  }

  private Response open(Session session, long lastSeq, CallHolder holder) throws IOException {
    Request.Builder builder =
        new Request.Builder()
            .url(url(lastSeq))
            .get()
            .header("Accept", "text/event-stream")
            .header("Cache-Control", "no-cache")
            .header("X-ApiToken", client.sessions().apiToken(session))
            .header("Cookie", "sid=" + session.sid());
    if (lastSeq > 0) {
      builder.header("Last-Event-ID", Long.toString(lastSeq));
    }
    Call call = http.newCall(builder.build());
    if (!holder.hold(call)) {
      throw new IOException("watch closed");
    }
    return call.execute();
  }

  private HttpUrl url(long lastSeq) {
    HttpUrl.Builder url = client.base().newBuilder().addPathSegment("watch");
    if (!request.types().isEmpty()) {
      String types = request.types().stream().sorted().map(ObjectType::path).collect(Collectors.joining(","));
      url.addEncodedQueryParameter("types", QueryText.encode(types));
    }
    request.match().ifPresent(glob -> url.addEncodedQueryParameter("match", QueryText.encode(glob)));
    if (request.objects()) {
      url.addQueryParameter("objects", "true");
    }
    OptionalLong since = request.since();
    if (lastSeq <= 0 && since.isPresent()) {
      url.addEncodedQueryParameter("since", Long.toString(since.getAsLong()));
    }
    return url.build();
  }

  private static void read(BufferedSource source, Consumer<WatchEvent> sink) throws IOException {
    SseParser parser = new SseParser();
    String line;
    while ((line = source.readUtf8Line()) != null) {
      parser.feed(line).flatMap(WatchStream::change).ifPresent(sink);
    }
  }

  /** Reads a {@code change} event; anything else, or a change of a kind this SDK does not know, is skipped. */
  static Optional<WatchEvent> change(SseParser.Event event) {
    if (!event.type().equals("change") && !event.type().equals("message")) {
      return Optional.empty();
    }
    try {
      JsonNode data = Json.MAPPER.readTree(event.data());
      Optional<ObjectType> type = ObjectType.find(data.path("type").asText(""));
      Optional<WatchAction> action = WatchAction.find(data.path("action").asText(""));
      if (type.isEmpty() || action.isEmpty()) {
        LOG.debug("skipping watch event of unknown type or action: {}", event.data());
        return Optional.empty();
      }
      long seq = data.path("seq").canConvertToLong() ? data.path("seq").asLong() : parseSeq(event.id());
      Instant at = Json.epochSeconds(data.get("at")).orElse(Instant.EPOCH);
      JsonNode by = data.path("by");
      JsonNode object = data.path("object");
      return Optional.of(
          new WatchEvent(
              seq,
              type.get(),
              data.path("id").asLong(0),
              data.path("name").asText(""),
              action.get(),
              at,
              by.isValueNode() && !by.isNull() ? by.asText() : "",
              object instanceof ObjectNode owned ? Optional.of(ReflexObject.wrap(owned, null)) : Optional.empty()));
    } catch (IOException malformed) {
      LOG.debug("skipping watch event with malformed data");
      return Optional.empty();
    }
  }

  private static long parseSeq(String id) {
    try {
      return Long.parseLong(id.strip());
    } catch (NumberFormatException notNumeric) {
      return 0;
    }
  }
}
