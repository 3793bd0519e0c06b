package io.reflex.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An instance read as a running copy of a service: the fields launchers write with {@code instance-ping}
 * ({@code status}, {@code address}, {@code lifecycle}). Thin like {@link ServiceView}: it reads from the wrapped
 * object on every call, and a field a launcher did not send is simply absent, since instances come from launchers
 * of every age (the original wrote neither a port nor a lifecycle).
 */
public final class InstanceView {
  /** The columns of an instance listing, in order: {@code launch instances}, {@code reflex services}. */
  public static final List<String> COLUMNS =
      List.of("name", "service", "host", "port", "status", "state", "color", "version", "started");

  private static final String OK = "ok";

  private final ReflexObject object;

  private InstanceView(ReflexObject object) {
    this.object = object;
  }

  public static InstanceView of(ReflexObject object) {
    return new InstanceView(Objects.requireNonNull(object, "object"));
  }

  public ReflexObject object() {
    return object;
  }

  public String name() {
    return object.name();
  }

  /** The service's name, without the engine's {@code .id} suffix on the soft reference. */
  public String service() {
    return object.text("service").map(ServiceView::referencedName).orElse("");
  }

  /** {@code ok}, {@code failed}, {@code stale} (no heartbeat within the ttl), {@code new}, or what a writer set. */
  public String status() {
    return object.text("status").orElse("");
  }

  public Optional<String> host() {
    return text(address().path("host"));
  }

  public OptionalInt port() {
    JsonNode port = address().path("port");
    if (port.canConvertToInt() && port.asInt() > 0) {
      return OptionalInt.of(port.asInt());
    }
    if (port.isTextual() && port.asText().matches("[0-9]{1,5}")) {
      return OptionalInt.of(Integer.parseInt(port.asText()));
    }
    return OptionalInt.empty();
  }

  /** The lifecycle state: {@code starting}, {@code preparing}, {@code ready}, {@code draining}, ... */
  public Optional<String> state() {
    return text(lifecycle().path("state"));
  }

  /** The redeploy color receiving new requests, for launchers running a proxy. */
  public OptionalInt color() {
    JsonNode color = lifecycle().path("color");
    return color.canConvertToInt() ? OptionalInt.of(color.asInt()) : OptionalInt.empty();
  }

  public Optional<String> version() {
    return text(lifecycle().path("version"));
  }

  public Optional<Instant> started() {
    return instant(lifecycle().path("started"));
  }

  public Optional<Instant> heartbeat() {
    return instant(lifecycle().path("heartbeat"));
  }

  /** How long the instance stays fresh without a heartbeat; absent for launchers that promise none. */
  public Optional<Duration> ttl() {
    JsonNode ttl = lifecycle().path("ttl");
    return ttl.isNumber() && ttl.asDouble() > 0
        ? Optional.of(Duration.ofMillis(Math.round(ttl.asDouble() * 1000)))
        : Optional.empty();
  }

  /** Counts for discovery: status {@code ok} and an address a client can connect to. */
  public boolean healthy() {
    return OK.equals(status()) && reachable();
  }

  /** Has both a host and a port, so a URL can be formed. */
  public boolean reachable() {
    return host().isPresent() && port().isPresent();
  }

  /** {@code scheme://host:port}, with an IPv6 host in brackets; empty when the address is incomplete. */
  public Optional<String> url(String scheme) {
    if (!reachable()) {
      return Optional.empty();
    }
    String host = host().get();
    return Optional.of(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port().getAsInt());
  }

  /** One listing row with the {@link #COLUMNS} as keys; absent values are JSON null. */
  public ObjectNode row() {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("name", name());
    row.put("service", service());
    row.put("host", host().orElse(null));
    putOptional(row, "port", port());
    row.put("status", status());
    row.put("state", state().orElse(null));
    putOptional(row, "color", color());
    row.put("version", version().orElse(null));
    row.put("started", started().map(Instant::toString).orElse(null));
    return row;
  }

  @Override
  public String toString() {
    return "InstanceView[" + name() + "]";
  }

  private JsonNode address() {
    return object.field("address").orElse(Json.MAPPER.missingNode());
  }

  private JsonNode lifecycle() {
    return object.field("lifecycle").orElse(Json.MAPPER.missingNode());
  }

  private static void putOptional(ObjectNode row, String field, OptionalInt value) {
    if (value.isPresent()) {
      row.put(field, value.getAsInt());
    } else {
      row.putNull(field);
    }
  }

  private static Optional<String> text(JsonNode value) {
    return value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  /** ISO-8601 as launchers write it, or epoch seconds as the engine's own times are. */
  private static Optional<Instant> instant(JsonNode value) {
    if (value.isTextual()) {
      try {
        return Optional.of(Instant.parse(value.asText()));
      } catch (DateTimeParseException notIso) {
        return Json.epochSeconds(value);
      }
    }
    return Json.epochSeconds(value);
  }
}
