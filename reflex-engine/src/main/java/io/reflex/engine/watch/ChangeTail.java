package io.reflex.engine.watch;

import io.reflex.engine.store.ChangeLog;
import io.reflex.engine.threads.EngineThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the shared change log from this node, so that changes written through any node reach this node's
 * watchers and caches. Polling the table keeps it database-neutral; at the default interval a change is seen within
 * a few hundred milliseconds everywhere.
 */
public final class ChangeTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeTail.class);
    private static final int BATCH = 1000;

    private final ChangeLog log;
    private final Duration interval;
    private final List<Consumer<ChangeLog.Entry>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile long position;
    private volatile boolean running = true;

    public ChangeTail(ChangeLog log, Duration interval) {
        this.log = log;
        this.interval = interval;
        this.position = log.latest();
        this.thread = EngineThreads.daemon("change-tail").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    public void subscribe(Consumer<ChangeLog.Entry> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<ChangeLog.Entry> listener) {
        listeners.remove(listener);
    }

    private void run() {
        while (running) {
            try {
                List<ChangeLog.Entry> entries = log.after(position, BATCH);
                for (ChangeLog.Entry entry : entries) {
                    listeners.forEach(l -> dispatch(l, entry));
                    position = entry.seq();
                }
                if (entries.size() < BATCH) {
                    Thread.sleep(interval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("cannot read the change log, retrying: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private static void dispatch(Consumer<ChangeLog.Entry> listener, ChangeLog.Entry entry) {
        try {
            listener.accept(entry);
        } catch (RuntimeException e) {
            LOG.error("change listener failed on change {}", entry.seq(), e);
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(interval.multipliedBy(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
