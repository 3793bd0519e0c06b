package io.reflex.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.reflex.engine.auth.Caller;
import io.reflex.engine.auth.Sessions;
import io.reflex.engine.auth.SignIn;
import io.reflex.engine.http.ApiException;
import io.reflex.engine.http.ApiRequest;
import io.reflex.engine.http.Dispatcher;
import io.reflex.engine.http.Reply;
import io.reflex.engine.http.Response;
import io.reflex.engine.http.Streaming;
import io.reflex.engine.http.WireJson;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.objects.ObjectReads;
import io.reflex.engine.objects.ObjectWrites;
import io.reflex.engine.policy.PolicyEngine;
import io.reflex.engine.store.AuditLog;
import io.reflex.engine.watch.WatchFeed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The route table of reference 1.3, plus the extensions: {@code /watch}, {@code /audit}, {@code /metrics}. */
final class EngineRoutes implements Dispatcher {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final List<String> base;
    private final HealthMonitor health;
    private final SignIn signIn;
    private final Sessions sessions;
    private final ObjectReads reads;
    private final ObjectWrites writes;
    private final WatchFeed watch;
    private final PolicyEngine policies;
    private final AuditLog audit;
    private final PrometheusMeterRegistry metrics;
    private final Clock clock;

    EngineRoutes(String routeBase, HealthMonitor health, SignIn signIn, Sessions sessions, ObjectReads reads,
            ObjectWrites writes, WatchFeed watch, PolicyEngine policies, AuditLog audit,
            PrometheusMeterRegistry metrics, Clock clock) {
        this.base = List.of(routeBase.substring(1).split("/"));
        this.health = health;
        this.signIn = signIn;
        this.sessions = sessions;
        this.reads = reads;
        this.writes = writes;
        this.watch = watch;
        this.policies = policies;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Response dispatch(ApiRequest request) throws Exception {
        List<String> path = request.path();
        if (path.equals(List.of("health"))) {
            return onlyReads(request, () -> health.answer(request));
        }
        if (path.equals(List.of("metrics"))) {
            return onlyReads(request, () -> new Streaming("text/plain; version=0.0.4; charset=utf-8",
                    out -> out.write(metrics.scrape().getBytes(StandardCharsets.UTF_8))));
        }
        if (path.size() <= base.size() || !path.subList(0, base.size()).equals(base)) {
            throw ApiException.notFound("Not found");
        }
        List<String> rest = path.subList(base.size(), path.size());
        if (request.method().equals("OPTIONS")) {
            throw new ApiException(405, "Method not allowed");
        }
        String first = rest.get(0);
        Optional<String> target = rest.size() > 1 ? Optional.of(rest.get(1)) : Optional.empty();
        return switch (first) {
            case "health" -> onlyReads(request, () -> health.answer(request));
            case "token" -> onlyReads(request, () -> signIn.handle(request));
            case "watch" -> onlyReads(request, () -> watch.open(sessions.authenticate(request), request));
            case "audit" -> onlyReads(request, () -> auditLog(sessions.authenticate(request), request));
            case "instance-ping" -> request.method().equals("PUT")
                    ? audited(request, ObjectKind.INSTANCE, target, caller -> writes.ping(caller,
                            target.orElseThrow(() -> ApiException.withoutMessage(404)), request.requireBody(), request.ip()))
                    : objects(request, ObjectKind.INSTANCE, target);
            default -> objects(request, ObjectKind.ofRoute(first).orElseThrow(() -> ApiException.notFound("Not found")), target);
        };
    }

    private Response objects(ApiRequest request, ObjectKind kind, Optional<String> target) {
        return switch (request.method()) {
            case "GET", "HEAD" -> {
                Caller caller = sessions.authenticate(request);
                yield target.isPresent() ? reads.get(caller, kind, target.get(), request) : reads.list(caller, kind, request);
            }
            case "POST" -> audited(request, kind, target, caller -> writes.create(caller, kind, request.requireBody()));
            case "PUT", "PATCH" -> audited(request, kind, target, caller -> {
                String name = target.orElseThrow(() -> ApiException.withoutMessage(404));
                boolean merge = request.method().equals("PATCH")
                        || request.queryParam("merge").map(m -> m.equalsIgnoreCase("true")).orElse(false);
                return writes.update(caller, kind, name, request.requireBody(), merge, request.header("If-Match"));
            });
            case "DELETE" -> audited(request, kind, target,
                    caller -> writes.delete(caller, kind, target.orElseThrow(() -> ApiException.withoutMessage(404))));
            default -> throw new ApiException(405, "Method not allowed");
        };
    }

    /** Runs an authenticated write and records its outcome, refused or not, in the audit log. */
    private Reply audited(ApiRequest request, ObjectKind kind, Optional<String> target, Write write) {
        Caller caller = sessions.authenticate(request);
        String action = switch (request.method()) {
            case "POST" -> "create";
            case "DELETE" -> "delete";
            default -> request.path().contains("instance-ping") ? "ping"
                    : request.method().equals("PATCH") || request.queryParam("merge").isPresent() ? "merge" : "update";
        };
        String name = target.orElseGet(() -> request.body().map(b -> b.path("name").asText("")).orElse(""));
        int status = 500;
        String detail = "";
        try {
            Reply reply = write.apply(caller);
            status = reply.status();
            detail = reply.body().map(b -> b.path("warning").asText("")).orElse("");
            return reply;
        } catch (ApiException e) {
            status = e.status();
            detail = e.clientMessage().orElse("");
            throw e;
        } finally {
            if (WRITES.contains(request.method())) {
                audit.append(new AuditLog.Entry(0, clock.millis(), caller.actor(), request.ip(), action, kind.table(),
                        name, status, detail));
            }
        }
    }

    private Reply auditLog(Caller caller, ApiRequest request) {
        if (!policies.isAdmin(caller, PolicyEngine.AUDIT_TABLE)) {
            throw ApiException.forbidden();
        }
        long since = request.queryParam("since").map(EngineRoutes::number).orElse(0L);
        int limit = (int) Math.min(10_000, request.queryParam("limit").map(EngineRoutes::number).orElse(1000L));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (AuditLog.Entry e : audit.after(since, limit)) {
            ObjectNode entry = out.addObject().put("seq", e.seq());
            entry.set("at", WireJson.epochSeconds(e.atMillis()));
            entry.put("actor", e.actor())
                    .put("ip", e.ip())
                    .put("action", e.action())
                    .put("type", e.type())
                    .put("target", e.target())
                    .put("status", e.status())
                    .put("detail", e.detail());
        }
        return out.isEmpty() ? Reply.noContent() : Reply.json(200, out);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + text + "' is not a number");
        }
    }

    private static Response onlyReads(ApiRequest request, Handler handler) throws Exception {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            throw new ApiException(405, "Method not allowed");
        }
        return handler.handle();
    }

    @FunctionalInterface
    private interface Handler {
        Response handle() throws Exception;
    }

    @FunctionalInterface
    private interface Write {
        Reply apply(Caller caller);
    }
}
