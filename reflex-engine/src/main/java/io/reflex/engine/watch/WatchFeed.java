package io.reflex.engine.watch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.engine.auth.Caller;
import io.reflex.engine.http.ApiException;
import io.reflex.engine.http.ApiRequest;
import io.reflex.engine.http.Streaming;
import io.reflex.engine.http.WireJson;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.objects.ObjectReads;
import io.reflex.engine.policy.Access;
import io.reflex.engine.policy.PolicyEngine;
import io.reflex.engine.store.ChangeLog;
import io.reflex.engine.store.ObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code GET {base}/watch}: every create, update, delete and ping as a Server-Sent Event, in sequence order, resumable
 * with {@code Last-Event-ID}. An extension of the original API: original clients never call it.
 *
 * <p>Query parameters: {@code types} (comma list of type names), {@code match} (a name glob) and {@code since} (a
 * sequence number; {@code Last-Event-ID} wins). Without either, the stream starts with the next change. Events the
 * caller may not read are left out. A watcher that cannot keep up is disconnected and resumes from the log.
 *
 * <p>{@code objects=true} adds the changed object, as {@code GET {base}/TYPE/NAME} would answer it at the time of
 * sending, to every event but deletes: a console following thousands of heartbeats then needs no GET per change,
 * which on a small machine cost more than the feed itself. Without the parameter the events stay exactly as older
 * clients know them.
 */
public final class WatchFeed implements AutoCloseable {

    private static final int BACKLOG_BATCH = 1000;
    private static final int QUEUE_LIMIT = 10_000;
    private static final ChangeLog.Entry END = new ChangeLog.Entry(Long.MAX_VALUE, "", 0, "", "end", 0, "");

    private final ChangeLog log;
    private final ChangeTail tail;
    private final ObjectStore objects;
    private final PolicyEngine policies;
    private final ObjectReads reads;
    private final Duration keepAlive;
    private final java.util.Set<BlockingQueue<ChangeLog.Entry>> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    public WatchFeed(ChangeLog log, ChangeTail tail, ObjectStore objects, PolicyEngine policies, ObjectReads reads,
            Duration keepAlive) {
        this.log = log;
        this.tail = tail;
        this.objects = objects;
        this.policies = policies;
        this.reads = reads;
        this.keepAlive = keepAlive;
    }

    public Streaming open(Caller caller, ApiRequest request) {
        Set<String> tables = tables(request.queryParam("types"));
        Optional<Pattern> names = request.queryParam("match").filter(m -> !m.isEmpty()).map(WatchFeed::glob);
        long since = request.header("Last-Event-ID").or(() -> request.queryParam("since"))
                .map(WatchFeed::sequence)
                .orElseGet(log::latest);
        boolean withObjects = request.queryParam("objects").map(WatchFeed::flag).orElse(false);
        Filter filter = new Filter(caller, tables, names, withObjects);
        return new Streaming("text/event-stream; charset=utf-8", out -> stream(out, filter, since));
    }

    private void stream(OutputStream out, Filter filter, long since) throws IOException, InterruptedException {
        BlockingQueue<ChangeLog.Entry> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
        boolean[] overflow = {false};
        Consumer<ChangeLog.Entry> listener = e -> {
            if (!queue.offer(e)) {
                overflow[0] = true;
            }
        };
        tail.subscribe(listener);
        open.add(queue);
        try {
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            long last = since;
            List<ChangeLog.Entry> batch;
            do {
                batch = log.after(last, BACKLOG_BATCH);
                for (ChangeLog.Entry entry : batch) {
                    send(out, filter, entry);
                    last = entry.seq();
                }
            } while (batch.size() == BACKLOG_BATCH);
            while (!overflow[0] && !closing) {
                ChangeLog.Entry entry = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (entry == END) {
                    return;
                }
                if (entry == null) {
                    out.write(": keepalive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else if (entry.seq() > last) {
                    send(out, filter, entry);
                    last = entry.seq();
                }
            }
        } finally {
            open.remove(queue);
            tail.unsubscribe(listener);
        }
    }

    /**
     * Ends every open stream, so a graceful shutdown does not wait for watchers (they reconnect to another node,
     * or to this one when it is back, and resume from their last event id).
     */
    @Override
    public void close() {
        closing = true;
        open.forEach(queue -> queue.offer(END));
    }

    private void send(OutputStream out, Filter filter, ChangeLog.Entry entry) throws IOException {
        if (!selected(filter, entry)) {
            return;
        }
        Optional<ObjectNode> object = filter.objects() ? current(filter.caller(), entry) : Optional.empty();
        // With objects asked for, current() has read the object and made GET's read check already: no second read.
        boolean visible = object.isPresent() || typeWide(filter.caller(), entry)
                || !filter.objects() && readable(filter.caller(), entry);
        if (!visible) {
            return;
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("seq", entry.seq())
                .put("type", ObjectKind.ofTable(entry.type()).map(ObjectKind::route).orElse(entry.type()))
                .put("id", entry.id())
                .put("name", entry.name())
                .put("action", entry.action())
                .put("by", entry.actor());
        data.set("at", WireJson.epochSeconds(entry.atMillis()));
        object.ifPresent(o -> data.set("object", o));
        String event = "id: " + entry.seq() + "\nevent: change\ndata: " + WireJson.compact(data) + "\n\n";
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Whether the watcher asked for this event's type and name. */
    private static boolean selected(Filter filter, ChangeLog.Entry entry) {
        if (!filter.tables().isEmpty() && !filter.tables().contains(entry.type())) {
            return false;
        }
        return filter.names().isEmpty() || filter.names().get().matcher(entry.name().toLowerCase(Locale.ROOT)).matches();
    }

    /** Whether a global mapping lets the caller read every object of the event's type (deletes need one). */
    private boolean typeWide(Caller caller, ChangeLog.Entry entry) {
        return policies.allowed(caller, Access.READ, false, entry.type(), Optional.empty(), null);
    }

    /** Whether the caller may read the event's object as it is now; a deleted object is no longer readable. */
    private boolean readable(Caller caller, ChangeLog.Entry entry) {
        return !entry.action().equals("delete") && ObjectKind.ofTable(entry.type()).flatMap(kind ->
                objects.byId(entry.type(), entry.id()).filter(o -> reads.mayRead(caller, kind, o))).isPresent();
    }

    /**
     * The event's object as a GET would answer the caller now, read once; empty for deletes, objects gone since and
     * objects the caller may not read.
     */
    private Optional<ObjectNode> current(Caller caller, ChangeLog.Entry entry) {
        if (entry.action().equals("delete")) {
            return Optional.empty();
        }
        return ObjectKind.ofTable(entry.type()).flatMap(kind -> objects.byId(entry.type(), entry.id())
                .flatMap(o -> reads.readable(caller, kind, o)));
    }

    /**
     * @param objects whether events carry the changed object ({@code objects=true})
     */
    private record Filter(Caller caller, Set<String> tables, Optional<Pattern> names, boolean objects) {}

    private static boolean flag(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("Invalid value for objects: '" + text + "' (true or false)");
        };
    }

    private static Set<String> tables(Optional<String> types) {
        Set<String> tables = new HashSet<>();
        types.ifPresent(list -> {
            for (String type : list.split(",")) {
                if (!type.isBlank()) {
                    tables.add(ObjectKind.ofAnyName(type.strip()).map(ObjectKind::table)
                            .orElseThrow(() -> ApiException.badRequest("Unknown object type '" + type.strip() + "'")));
                }
            }
        });
        return tables;
    }

    private static long sequence(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid event id '" + text + "'");
        }
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
