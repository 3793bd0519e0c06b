package io.reflex.engine.store;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads the change log that every write appends to; the watch feed and cross-node cache invalidation follow it. */
public final class ChangeLog {

    private final Jdbi jdbi;

    public ChangeLog(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * One recorded change.
     *
     * @param type the table name ({@code Config}, {@code Grp}, ...)
     * @param atMillis when it was written, epoch milliseconds
     */
    public record Entry(long seq, String type, long id, String name, String action, long atMillis, String actor) {}

    public List<Entry> after(long seq, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, type, id, name, action, at_ms, actor FROM reflex_change"
                        + " WHERE seq > :seq ORDER BY seq")
                .bind("seq", seq)
                .setMaxRows(limit)
                .map((rs, ctx) -> new Entry(rs.getLong("seq"), rs.getString("type"), rs.getLong("id"),
                        rs.getString("name"), rs.getString("action"), rs.getLong("at_ms"), rs.getString("actor")))
                .list());
    }

    public long latest() {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq FROM reflex_lock WHERE k = 1").mapTo(Long.class).one());
    }
}
