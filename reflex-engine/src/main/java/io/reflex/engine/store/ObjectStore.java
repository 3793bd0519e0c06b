package io.reflex.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads objects and their archived versions, and runs writes. Every write runs in one transaction that first takes
 * the database-wide write lock, so writes from all engine nodes are serialised: no update is lost, merges are
 * atomic, and change sequence numbers become visible in order (watchers never skip one).
 */
public final class ObjectStore {

    private static final String COLUMNS = "type, id, name, data, updated_at, updated_by, version";
    /** Names sort as the original's case-insensitive collation did, the same on every database. */
    static final Comparator<StoredObject> BY_NAME = Comparator.comparing(StoredObject::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(StoredObject::name)
            .thenComparingLong(StoredObject::id);

    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final DueTime dueTime;

    public ObjectStore(Database database, ObjectMapper mapper, DueTime dueTime) {
        this.jdbi = database.jdbi();
        this.mapper = mapper;
        this.dueTime = dueTime;
    }

    public Optional<StoredObject> byId(String type, long id) {
        return jdbi.withHandle(h -> byId(h, type, id));
    }

    public Optional<StoredObject> byName(String type, String name) {
        return jdbi.withHandle(h -> byName(h, type, name));
    }

    public List<StoredObject> list(String type, Optional<NameFilter> filter) {
        return jdbi.withHandle(h -> {
            String sql = "SELECT " + COLUMNS + " FROM reflex_object WHERE type = :type"
                    + filter.map(f -> " AND LOWER(name) LIKE :like ESCAPE '!'").orElse("");
            Query query = h.createQuery(sql).bind("type", type);
            filter.ifPresent(f -> query.bind("like", f.likePattern()));
            return query.map((rs, ctx) -> row(rs)).list().stream().sorted(BY_NAME).toList();
        });
    }

    /**
     * The objects of {@code type} whose {@link DueTime} is before {@code nowMillis}: an index range, however many
     * objects the type has.
     */
    public List<StoredObject> due(String type, long nowMillis) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM reflex_object"
                        + " WHERE type = :type AND due_ms < :now")
                .bind("type", type).bind("now", nowMillis)
                .map((rs, ctx) -> row(rs)).list());
    }

    /** Archived versions updated between {@code from} and {@code to} (inclusive, epoch seconds), oldest first. */
    public List<StoredObject> archive(String type, long from, long to, Optional<NameFilter> filter) {
        return jdbi.withHandle(h -> {
            String sql = "SELECT " + COLUMNS + " FROM reflex_archive WHERE type = :type"
                    + " AND updated_at BETWEEN :from AND :to"
                    + filter.map(f -> " AND LOWER(name) LIKE :like ESCAPE '!'").orElse("")
                    + " ORDER BY seq";
            Query query = h.createQuery(sql).bind("type", type).bind("from", from).bind("to", to);
            filter.ifPresent(f -> query.bind("like", f.likePattern()));
            return query.map((rs, ctx) -> row(rs)).list();
        });
    }

    /** The newest archived version of object {@code id} whose update time is exactly {@code at}. */
    public Optional<StoredObject> archivedAt(String type, long id, long at) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM reflex_archive"
                        + " WHERE type = :type AND id = :id AND updated_at = :at ORDER BY seq DESC")
                .bind("type", type).bind("id", id).bind("at", at)
                .setMaxRows(1)
                .map((rs, ctx) -> row(rs)).findFirst());
    }

    /** Every archived version of one object, oldest first (for history views). */
    public List<StoredObject> history(String type, long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM reflex_archive"
                        + " WHERE type = :type AND id = :id ORDER BY seq")
                .bind("type", type).bind("id", id)
                .map((rs, ctx) -> row(rs)).list());
    }

    /** Runs {@code work} in a serialised write transaction; it commits when {@code work} returns. */
    public <T> T write(Function<WriteTransaction, T> work) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE reflex_lock SET seq = seq WHERE k = 1").execute();
            return work.apply(new WriteTransaction(h, this));
        });
    }

    Optional<StoredObject> byId(Handle h, String type, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM reflex_object WHERE type = :type AND id = :id")
                .bind("type", type).bind("id", id)
                .map((rs, ctx) -> row(rs)).findFirst();
    }

    Optional<StoredObject> byName(Handle h, String type, String name) {
        return h.createQuery("SELECT " + COLUMNS + " FROM reflex_object WHERE type = :type AND name = :name")
                .bind("type", type).bind("name", name)
                .map((rs, ctx) -> row(rs)).findFirst();
    }

    /** The {@code due_ms} value for an object with {@code data}: SQL NULL when it is never due. */
    Long dueMillis(String type, ObjectNode data) {
        OptionalLong due = dueTime.of(type, data);
        return due.isPresent() ? due.getAsLong() : null;
    }

    String json(ObjectNode data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("object data cannot be serialised", e);
        }
    }

    StoredObject row(ResultSet rs) throws SQLException {
        ObjectNode data;
        try {
            data = (ObjectNode) mapper.readTree(rs.getString("data"));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new SQLException("stored data of " + rs.getString("type") + " " + rs.getLong("id") + " is not a JSON object", e);
        }
        return new StoredObject(rs.getString("type"), rs.getLong("id"), rs.getString("name"), data,
                rs.getLong("updated_at"), rs.getString("updated_by"), rs.getLong("version"));
    }
}
