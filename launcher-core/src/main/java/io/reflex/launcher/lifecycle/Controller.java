package io.reflex.launcher.lifecycle;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.log.LaunchLog;
import io.reflex.launcher.nativeos.ExitStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts components in order, waits for the first to end or for a stop request, then stops every started
 * component in reverse order. Phases are separate methods ({@link #launch}, {@link #await}) so each reads as one
 * straight sequence; the readiness loop is the only loop besides waiting.
 */
public final class Controller {

    private static final int BACKOFF_CAP = 10;

    private final LaunchLog log;
    private final Pause pause;
    private final List<Started> started = new ArrayList<>();
    private final CompletableFuture<Void> stopRequested = new CompletableFuture<>();
    private final AtomicReference<Failure> firstFailure = new AtomicReference<>();

    public Controller(LaunchLog log, Pause pause) {
        this.log = log;
        this.pause = pause;
    }

    /**
     * Starts {@code component} and waits until it is ready.
     *
     * @param primary the app: its exit code becomes the launcher's when nothing failed first
     * @return false when the launch should not go on (it failed, or a stop was requested meanwhile)
     */
    public boolean launch(Component component, boolean primary) {
        if (stopRequested.isDone()) {
            return false;
        }
        CompletableFuture<ExitStatus> exit;
        try {
            exit = component.start();
        } catch (RuntimeException e) {
            fail(new Failure(component.name(), "cannot start: " + e.getMessage(), ExitReason.LIFECYCLE_FAILED.code()));
            return false;
        }
        started.add(new Started(component, exit, primary));
        Optional<Failure> notReady = component.readiness().flatMap(r -> awaitReady(component, exit, r));
        notReady.ifPresent(this::fail);
        return notReady.isEmpty() && !stopRequested.isDone();
    }

    /** Asks for an orderly shutdown; {@code failure}, if it is the first, becomes the exit reason. */
    public void requestStop(Optional<Failure> failure) {
        failure.ifPresent(f -> firstFailure.compareAndSet(null, f));
        stopRequested.complete(null);
    }

    /** The first error so far, if any: the reason the service is shutting down. */
    public Optional<Failure> failure() {
        return Optional.ofNullable(firstFailure.get());
    }

    /**
     * Waits until a component ends or a stop is requested, stops everything in reverse order and returns the
     * launcher's exit code.
     */
    public int await() {
        List<CompletableFuture<?>> events = new ArrayList<>();
        events.add(stopRequested);
        started.forEach(s -> events.add(s.exit()));
        CompletableFuture.anyOf(events.toArray(CompletableFuture[]::new)).join();
        started.stream().filter(s -> s.exit().isDone()).findFirst().ifPresent(this::ended);
        stopRequested.complete(null);
        for (Started component : started.reversed()) {
            log.info("Stopping " + component.component().name());
            component.component().stop();
        }
        Failure failure = firstFailure.get();
        if (failure != null) {
            log.info("Shut down because " + failure.component() + " " + failure.message());
            return failure.exitCode();
        }
        return started.stream().filter(Started::primary).findFirst()
                .map(s -> s.exit().join().code()).orElse(0);
    }

    private void ended(Started component) {
        ExitStatus status = component.exit().join();
        if (stopRequested.isDone() && firstFailure.get() == null) {
            return;
        }
        if (component.primary()) {
            log.info(component.component().name() + " ended: " + status);
            if (!status.success()) {
                firstFailure.compareAndSet(null, new Failure(component.component().name(), "ended with " + status,
                        status.code()));
            }
        } else {
            fail(new Failure(component.component().name(), "ended unexpectedly with " + status,
                    status.success() ? ExitReason.LIFECYCLE_FAILED.code() : status.code()));
        }
    }

    private Optional<Failure> awaitReady(Component component, CompletableFuture<ExitStatus> exit, Readiness readiness) {
        Duration backoff = readiness.backoff();
        for (int attempt = 1; attempt <= readiness.attempts(); attempt++) {
            if (exit.isDone()) {
                return Optional.of(new Failure(component.name(), "ended before it was ready: " + exit.join(),
                        ExitReason.LIFECYCLE_FAILED.code()));
            }
            if (stopRequested.isDone()) {
                return Optional.empty();
            }
            if (probe(readiness)) {
                log.info(component.name() + " is ready (" + readiness.description() + ")");
                return Optional.empty();
            }
            if (attempt < readiness.attempts()) {
                try {
                    pause.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.of(new Failure(component.name(), "interrupted while waiting to be ready",
                            ExitReason.LIFECYCLE_FAILED.code()));
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(readiness.backoff().multipliedBy(BACKOFF_CAP)) > 0 ? backoff : doubled;
            }
        }
        return Optional.of(new Failure(component.name(), "not ready after " + readiness.attempts()
                + " attempts (" + readiness.description() + ")", ExitReason.LIFECYCLE_FAILED.code()));
    }

    private static boolean probe(Readiness readiness) {
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return readiness.probe().ready(readiness.timeout());
            } catch (Exception e) {
                return false;
            }
        }, runnable -> Thread.ofVirtual().start(runnable));
        try {
            return answer.get(readiness.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            answer.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void fail(Failure failure) {
        if (firstFailure.compareAndSet(null, failure)) {
            log.info("Component " + failure.component() + " failed: " + failure.message());
        }
        stopRequested.complete(null);
    }

    private record Started(Component component, CompletableFuture<ExitStatus> exit, boolean primary) {
    }
}
