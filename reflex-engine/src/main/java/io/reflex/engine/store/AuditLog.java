package io.reflex.engine.store;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only record of every write and every read of sensitive data. Entries name who, what, when and from
 * where; they never carry object contents, so secrets cannot end up here.
 */
public final class AuditLog {

    private final Jdbi jdbi;

    public AuditLog(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * One audited request.
     *
     * @param action {@code create}, {@code update}, {@code merge}, {@code delete}, {@code ping} or {@code read-sensitive}
     * @param detail a short, secret-free note (for example the warning of a write)
     */
    public record Entry(long seq, long atMillis, String actor, String ip, String action, String type, String target,
            int status, String detail) {}

    public void append(Entry entry) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO reflex_audit (at_ms, actor, ip, action, type, target, status, detail)"
                        + " VALUES (:at, :actor, :ip, :action, :type, :target, :status, :detail)")
                .bind("at", entry.atMillis()).bind("actor", entry.actor()).bind("ip", entry.ip())
                .bind("action", entry.action()).bind("type", entry.type()).bind("target", truncate(entry.target(), 200))
                .bind("status", entry.status()).bind("detail", entry.detail()).execute());
    }

    /** Entries after {@code seq}, oldest first. */
    public List<Entry> after(long seq, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, at_ms, actor, ip, action, type, target, status, detail"
                        + " FROM reflex_audit WHERE seq > :seq ORDER BY seq")
                .bind("seq", seq)
                .setMaxRows(limit)
                .map((rs, ctx) -> new Entry(rs.getLong("seq"), rs.getLong("at_ms"), rs.getString("actor"),
                        rs.getString("ip"), rs.getString("action"), rs.getString("type"), rs.getString("target"),
                        rs.getInt("status"), rs.getString("detail")))
                .list());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
