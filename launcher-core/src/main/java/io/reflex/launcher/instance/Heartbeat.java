package io.reflex.launcher.instance;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the instance fresh while the launcher supervises: the console judges liveness by the last heartbeat, so
 * the state is re-sent on an interval even when nothing changed, and at once when it does change.
 */
public final class Heartbeat implements AutoCloseable {

    private final InstanceRegistration registration;
    private final int port;
    private final Duration ttl;
    private final AtomicReference<LifecycleState> state = new AtomicReference<>(LifecycleState.STARTING);
    private final AtomicReference<ColorDetails> colors = new AtomicReference<>(ColorDetails.NONE);
    private final ScheduledExecutorService timer;

    private Heartbeat(InstanceRegistration registration, int port, Duration ttl) {
        this.registration = registration;
        this.port = port;
        this.ttl = ttl;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("launch-heartbeat").factory());
    }

    /** The ttl sent is three intervals, so one late or lost beat does not make the instance stale. */
    public static Heartbeat start(InstanceRegistration registration, int port, Duration interval) {
        Heartbeat heartbeat = new Heartbeat(registration, port, interval.multipliedBy(3));
        heartbeat.timer.scheduleWithFixedDelay(heartbeat::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    public void update(LifecycleState next) {
        if (state.getAndSet(next) != next) {
            timer.execute(this::beat);
        }
    }

    /** Replaces what the instance says about its colors and sends it at once, each
     * change in its own ping: the console shows every step, even ones that follow each other closely. */
    public void colors(ColorDetails next) {
        colors.set(next);
        try {
            timer.execute(() -> registration.ping(state.get(), port, ttl, next));
        } catch (RejectedExecutionException closed) {
            // after close: the final ping already went out
        }
    }

    /**
     * Sends the final state synchronously, so the engine has it before the launcher exits. A beat still in flight is
     * waited for first: sent after the final ping, its older state would overwrite it.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        beat();
    }

    private void beat() {
        registration.ping(state.get(), port, ttl, colors.get());
    }
}
