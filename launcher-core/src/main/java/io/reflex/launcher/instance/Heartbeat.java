package io.reflex.launcher.instance;

import java.time.Duration;
import java.util.concurrent.Executors;
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
    private final AtomicReference<LifecycleState> state = new AtomicReference<>(LifecycleState.STARTING);
    private final ScheduledExecutorService timer;

    private Heartbeat(InstanceRegistration registration, int port) {
        this.registration = registration;
        this.port = port;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("launch-heartbeat").factory());
    }

    public static Heartbeat start(InstanceRegistration registration, int port, Duration interval) {
        Heartbeat heartbeat = new Heartbeat(registration, port);
        heartbeat.timer.scheduleWithFixedDelay(heartbeat::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    public void update(LifecycleState next) {
        if (state.getAndSet(next) != next) {
            timer.execute(this::beat);
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
        registration.ping(state.get(), port);
    }

    private void beat() {
        registration.ping(state.get(), port);
    }
}
