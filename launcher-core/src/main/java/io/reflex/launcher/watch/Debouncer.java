package io.reflex.launcher.watch;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action once a burst of triggers has been quiet for a while, plus a random jitter of up to half that
 * time, so that a burst of engine changes costs one re-read and a fleet of launchers does not re-read in the same
 * millisecond. The action runs on one daemon thread, never twice at once.
 */
final class Debouncer implements AutoCloseable {

    private final Runnable action;
    private final Duration quiet;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> pending;

    Debouncer(String threadName, Duration quiet, Runnable action) {
        this.action = action;
        this.quiet = quiet;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(threadName).factory());
    }

    synchronized void trigger() {
        if (pending != null) {
            pending.cancel(false);
        }
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, quiet.toMillis() / 2));
        pending = timer.schedule(action, quiet.toMillis() + jitter, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
