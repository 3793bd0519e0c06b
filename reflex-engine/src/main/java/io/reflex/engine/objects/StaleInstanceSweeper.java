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
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks instances whose launcher stopped sending heartbeats: an instance with {@code lifecycle.ttl} (seconds) whose
 * {@code lifecycle.heartbeat} is older than that gets {@code "status": "stale"}, written as a normal update so the
 * change log and {@code /watch} carry it and discovery drops the instance. The next ping writes {@code ok} again;
 * the sweeper never does.
 *
 * <p>Every node sweeps. Each write of an instance stores its deadline (heartbeat plus ttl) in an indexed column
 * ({@link #dueTime}), so the candidates are the instances past their deadline, found without the write lock by an
 * index range, not by parsing every instance. Each is then re-read and re-checked under the lock, so a ping that
 * arrived meanwhile wins, and a second node sweeping at the same moment finds the instance already stale and writes
 * nothing.
 */
public final class StaleInstanceSweeper {

    private static final String STALE = "stale";
    private static final String OK = "ok";
    /** Written as {@code updated_by}: no apikey made this change, the engine did. */
    private static final String ACTOR = "engine";
    /**
     * Candidates handled per write transaction: the write lock is the whole database's, and the first sweep after the
     * upgrade that added deadlines checks every instance once (50,000 in the console's benchmark).
     */
    private static final int WRITE_BATCH = 500;
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
            List<StoredObject> candidates = store.due(ObjectKind.INSTANCE.table(), now.toEpochMilli());
            for (int from = 0; from < candidates.size(); from += WRITE_BATCH) {
                List<StoredObject> batch = candidates.subList(from, Math.min(from + WRITE_BATCH, candidates.size()));
                store.write(tx -> {
                    batch.forEach(candidate -> markIfStillExpired(tx, candidate.id(), now));
                    return null;
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("stale instance sweep failed: {}", e.getMessage());
        }
    }

    /** An instance that is not (or no longer) past its deadline only gets its deadline stored (see the migration). */
    private void markIfStillExpired(WriteTransaction tx, long id, Instant now) {
        tx.byId(ObjectKind.INSTANCE.table(), id).ifPresent(current -> {
            if (!expired(current.data(), now)) {
                tx.refreshDue(current);
                return;
            }
            ObjectNode data = current.data().deepCopy();
            data.put("status", STALE);
            tx.update(current, current.name(), data, new Change("update", ACTOR, now.getEpochSecond(), false));
            LOG.info("instance marked stale name={} heartbeat={}", current.name(),
                    current.data().path("lifecycle").path("heartbeat").asText());
        });
    }

    /**
     * The store's {@link io.reflex.engine.store.DueTime} for every type: an instance is due at its deadline, nothing
     * else ever.
     */
    public static OptionalLong dueTime(String type, ObjectNode data) {
        if (!ObjectKind.INSTANCE.table().equals(type)) {
            return OptionalLong.empty();
        }
        return deadline(data).map(at -> OptionalLong.of(at.toEpochMilli())).orElseGet(OptionalLong::empty);
    }

    private static boolean expired(JsonNode instance, Instant now) {
        return deadline(instance).filter(at -> at.isBefore(now)).isPresent();
    }

    /** Status {@code ok} and a positive ttl: the heartbeat plus the ttl. Other statuses already say "not serving". */
    private static Optional<Instant> deadline(JsonNode instance) {
        JsonNode lifecycle = instance.path("lifecycle");
        JsonNode ttl = lifecycle.path("ttl");
        if (!OK.equals(instance.path("status").asText()) || !ttl.isNumber() || ttl.asDouble() <= 0) {
            return Optional.empty();
        }
        return heartbeat(lifecycle.path("heartbeat")).map(beat -> beat.plusMillis(Math.round(ttl.asDouble() * 1000)));
    }

    private static Optional<Instant> heartbeat(JsonNode value) {
        try {
            return value.isTextual() ? Optional.of(Instant.parse(value.asText())) : Optional.empty();
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
