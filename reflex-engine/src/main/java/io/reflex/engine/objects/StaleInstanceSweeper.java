package io.reflex.engine.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.store.ObjectStore;
import io.reflex.engine.store.StoredObject;
import io.reflex.engine.store.WriteTransaction;
import io.reflex.engine.store.WriteTransaction.Change;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks instances whose launcher stopped sending heartbeats: an instance with {@code lifecycle.ttl} (seconds) whose
 * {@code lifecycle.heartbeat} is older than that gets {@code "status": "stale"}, written as a normal update so the
 * change log and {@code /watch} carry it and discovery drops the instance. The next ping writes {@code ok} again;
 * the sweeper never does.
 *
 * <p>Every node sweeps. The candidates are found without the write lock (a sweep that finds none costs one read);
 * each is then re-read and re-checked under the lock, so a ping that arrived meanwhile wins, and a second node
 * sweeping at the same moment finds the instance already stale and writes nothing.
 */
public final class StaleInstanceSweeper {

    private static final String STALE = "stale";
    private static final String OK = "ok";
    /** Written as {@code updated_by}: no apikey made this change, the engine did. */
    private static final String ACTOR = "engine";
    private static final Logger LOG = LoggerFactory.getLogger(StaleInstanceSweeper.class);

    private final ObjectStore store;
    private final Clock clock;

    public StaleInstanceSweeper(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One sweep; errors are logged, since the next sweep repeats the work anyway. */
    public void sweep() {
        try {
            Instant now = clock.instant();
            List<StoredObject> candidates = store.list(ObjectKind.INSTANCE.table(), Optional.empty()).stream()
                    .filter(instance -> expired(instance.data(), now))
                    .toList();
            if (!candidates.isEmpty()) {
                store.write(tx -> {
                    candidates.forEach(candidate -> markIfStillExpired(tx, candidate.id(), now));
                    return null;
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("stale instance sweep failed: {}", e.getMessage());
        }
    }

    private void markIfStillExpired(WriteTransaction tx, long id, Instant now) {
        tx.byId(ObjectKind.INSTANCE.table(), id)
                .filter(current -> expired(current.data(), now))
                .ifPresent(current -> {
                    ObjectNode data = current.data().deepCopy();
                    data.put("status", STALE);
                    tx.update(current, current.name(), data, new Change("update", ACTOR, now.getEpochSecond(), false));
                    LOG.info("instance marked stale name={} heartbeat={}", current.name(),
                            current.data().path("lifecycle").path("heartbeat").asText());
                });
    }

    /** Status {@code ok}, a positive ttl and a heartbeat older than it. Other statuses already say "not serving". */
    private static boolean expired(JsonNode instance, Instant now) {
        JsonNode lifecycle = instance.path("lifecycle");
        JsonNode ttl = lifecycle.path("ttl");
        if (!OK.equals(instance.path("status").asText()) || !ttl.isNumber() || ttl.asDouble() <= 0) {
            return false;
        }
        return heartbeat(lifecycle.path("heartbeat"))
                .map(beat -> beat.plusMillis(Math.round(ttl.asDouble() * 1000)).isBefore(now))
                .orElse(false);
    }

    private static Optional<Instant> heartbeat(JsonNode value) {
        try {
            return value.isTextual() ? Optional.of(Instant.parse(value.asText())) : Optional.empty();
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
