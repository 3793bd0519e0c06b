package io.reflex.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The operations available while holding the write lock. Each change is recorded in the change log with the next
 * sequence number, in the same transaction as the change itself.
 */
public final class WriteTransaction {

    /** Apikeys and policies start at 100, as in the original, so the bootstrap master objects keep id 100. */
    private static final long FIRST_ID_HIGH = 100;

    private final Handle h;
    private final ObjectStore store;

    WriteTransaction(Handle h, ObjectStore store) {
        this.h = h;
        this.store = store;
    }

    /**
     * Who changes what, when (epoch seconds), and how the change feed names it.
     *
     * @param archive whether an updated object's replaced version is kept in the archive
     */
    public record Change(String action, String actor, long at, boolean archive) {}

    public Optional<StoredObject> byId(String type, long id) {
        return store.byId(h, type, id);
    }

    public Optional<StoredObject> byName(String type, String name) {
        return store.byName(h, type, name);
    }

    /** Every current object of a type (used for cascades, which touch few rows). */
    public java.util.List<StoredObject> all(String type) {
        return h.createQuery("SELECT type, id, name, data, updated_at, updated_by, version FROM reflex_object WHERE type = :type")
                .bind("type", type)
                .map((rs, ctx) -> store.row(rs)).list();
    }

    /** True until the first object of {@code type} was ever created (deleting objects does not reset it). */
    public boolean neverCreated(String type) {
        return h.createQuery("SELECT COUNT(*) FROM reflex_sequence WHERE type = :type")
                .bind("type", type).mapTo(Long.class).one() == 0;
    }

    public StoredObject insert(String type, String name, ObjectNode data, Change change) {
        long id = nextId(type);
        h.createUpdate("INSERT INTO reflex_object (type, id, name, data, updated_at, updated_by, version, due_ms)"
                        + " VALUES (:type, :id, :name, :data, :at, :by, 1, :due)")
                .bind("type", type).bind("id", id).bind("name", name).bind("data", store.json(data))
                .bind("at", change.at()).bind("by", change.actor())
                .bindByType("due", store.dueMillis(type, data), Long.class).execute();
        StoredObject created = new StoredObject(type, id, name, data, change.at(), change.actor(), 1);
        recordChange(created, change);
        return created;
    }

    /**
     * Replaces {@code current} with new name and data. For archived types the version being replaced is copied into
     * the archive first, so history holds every version but the current one.
     */
    public StoredObject update(StoredObject current, String name, ObjectNode data, Change change) {
        if (change.archive()) {
            h.createUpdate("INSERT INTO reflex_archive (type, id, name, data, updated_at, updated_by, version)"
                            + " VALUES (:type, :id, :name, :data, :at, :by, :version)")
                    .bind("type", current.type()).bind("id", current.id()).bind("name", current.name())
                    .bind("data", store.json(current.data())).bind("at", current.updatedAt())
                    .bind("by", current.updatedBy()).bind("version", current.version()).execute();
        }
        h.createUpdate("UPDATE reflex_object SET name = :name, data = :data, updated_at = :at, updated_by = :by,"
                        + " version = version + 1, due_ms = :due WHERE type = :type AND id = :id")
                .bind("type", current.type()).bind("id", current.id()).bind("name", name)
                .bind("data", store.json(data)).bind("at", change.at()).bind("by", change.actor())
                .bindByType("due", store.dueMillis(current.type(), data), Long.class).execute();
        StoredObject updated = new StoredObject(
                current.type(), current.id(), name, data, change.at(), change.actor(), current.version() + 1);
        recordChange(updated, change);
        return updated;
    }

    /** Records an event for an object that did not change (an instance ping that repeats the last one). */
    /**
     * Sets when {@code current} is next due from its unchanged data, without a new version or a change record: for
     * objects whose due time was only a placeholder (written before the column existed).
     */
    public void refreshDue(StoredObject current) {
        h.createUpdate("UPDATE reflex_object SET due_ms = :due WHERE type = :type AND id = :id")
                .bind("type", current.type()).bind("id", current.id())
                .bindByType("due", store.dueMillis(current.type(), current.data()), Long.class).execute();
    }

    public void touch(StoredObject current, Change change) {
        recordChange(current, change);
    }

    public void delete(StoredObject current, Change change) {
        h.createUpdate("DELETE FROM reflex_object WHERE type = :type AND id = :id")
                .bind("type", current.type()).bind("id", current.id()).execute();
        recordChange(current, change);
    }

    private long nextId(String type) {
        Optional<Long> next = h.createQuery("SELECT next_id FROM reflex_sequence WHERE type = :type")
                .bind("type", type).mapTo(Long.class).findFirst();
        long id = next.orElse(type.equals("Apikey") || type.equals("Policy") ? FIRST_ID_HIGH : 1L);
        if (next.isPresent()) {
            h.createUpdate("UPDATE reflex_sequence SET next_id = :n WHERE type = :type")
                    .bind("n", id + 1).bind("type", type).execute();
        } else {
            h.createUpdate("INSERT INTO reflex_sequence (type, next_id) VALUES (:type, :n)")
                    .bind("n", id + 1).bind("type", type).execute();
        }
        return id;
    }

    private void recordChange(StoredObject object, Change change) {
        h.createUpdate("UPDATE reflex_lock SET seq = seq + 1 WHERE k = 1").execute();
        long seq = h.createQuery("SELECT seq FROM reflex_lock WHERE k = 1").mapTo(Long.class).one();
        h.createUpdate("INSERT INTO reflex_change (seq, type, id, name, action, at_ms, actor)"
                        + " VALUES (:seq, :type, :id, :name, :action, :at, :actor)")
                .bind("seq", seq).bind("type", object.type()).bind("id", object.id()).bind("name", object.name())
                .bind("action", change.action()).bind("at", System.currentTimeMillis()).bind("actor", change.actor())
                .execute();
    }
}
