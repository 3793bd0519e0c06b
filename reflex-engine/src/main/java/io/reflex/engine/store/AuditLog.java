package io.reflex.engine.store;

import io.reflex.engine.threads.EngineThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only record of every write and every read of sensitive data. Entries name who, what, when and from
 * where; they never carry object contents, so secrets cannot end up here.
 *
 * <p>Entries are queued and written in batches by one background thread: auditing a secret read must not turn every
 * read into a write transaction (on SQLite all writers share one lock). Reading the log first writes what is queued,
 * so a caller sees its own entries. A crash can lose the entries of the last fraction of a second.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int QUEUE_LIMIT = 100_000;
    private static final int BATCH = 1000;

    private final Jdbi jdbi;
    private final BlockingQueue<Entry> pending = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final ReentrantLock writing = new ReentrantLock();
    private final Condition progress = writing.newCondition();
    private final AtomicLong appended = new AtomicLong();
    private long written;
    private final Thread writer;
    private volatile boolean running = true;

    public AuditLog(Database database) {
        this.jdbi = database.jdbi();
        this.writer = EngineThreads.daemon("audit").start(this::run);
    }

    /**
     * One audited request.
     *
     * @param action {@code create}, {@code update}, {@code merge}, {@code delete}, {@code ping} or {@code read-sensitive}
     * @param detail a short, secret-free note (for example the warning of a write)
     */
    public record Entry(long seq, long atMillis, String actor, String ip, String action, String type, String target,
            int status, String detail) {}

    /** Queues an entry; when the queue is full the caller writes it (and everything queued) itself. */
    public void append(Entry entry) {
        appended.incrementAndGet();
        if (!pending.offer(entry)) {
            flush();
            write(List.of(entry));
        }
    }

    /** Entries after {@code seq}, oldest first, including every entry appended before this call. */
    public List<Entry> after(long seq, int limit) {
        flush();
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, at_ms, actor, ip, action, type, target, status, detail"
                        + " FROM reflex_audit WHERE seq > :seq ORDER BY seq")
                .bind("seq", seq)
                .setMaxRows(limit)
                .map((rs, ctx) -> new Entry(rs.getLong("seq"), rs.getLong("at_ms"), rs.getString("actor"),
                        rs.getString("ip"), rs.getString("action"), rs.getString("type"), rs.getString("target"),
                        rs.getInt("status"), rs.getString("detail")))
                .list());
    }

    private void run() {
        while (running) {
            try {
                Entry first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Entry> batch = new ArrayList<>();
                    batch.add(first);
                    pending.drainTo(batch, BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("cannot write audit entries: {}", e.getMessage());
            }
        }
    }

    /** Writes everything queued now in the caller's thread, and waits for a batch the writer is still writing. */
    private void flush() {
        long target = appended.get();
        List<Entry> batch = new ArrayList<>();
        while (pending.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
        writing.lock();
        try {
            while (written < target && running) {
                progress.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writing.unlock();
        }
    }

    private void write(List<Entry> batch) {
        writing.lock();
        try {
            jdbi.useTransaction(h -> {
                PreparedBatch insert = h.prepareBatch("INSERT INTO reflex_audit (at_ms, actor, ip, action, type, target,"
                        + " status, detail) VALUES (:at, :actor, :ip, :action, :type, :target, :status, :detail)");
                for (Entry entry : batch) {
                    insert.bind("at", entry.atMillis()).bind("actor", entry.actor()).bind("ip", entry.ip())
                            .bind("action", entry.action()).bind("type", entry.type())
                            .bind("target", truncate(entry.target(), 200)).bind("status", entry.status())
                            .bind("detail", entry.detail()).add();
                }
                insert.execute();
            });
        } finally {
            written += batch.size();
            progress.signalAll();
            writing.unlock();
        }
    }

    /** Stops the writer and writes what is still queued. */
    @Override
    public void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
