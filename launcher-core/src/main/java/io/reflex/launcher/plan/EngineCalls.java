package io.reflex.launcher.plan;

import io.reflex.client.AuthenticationException;
import io.reflex.client.EngineUnreachableException;
import io.reflex.client.ForbiddenException;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.log.LaunchLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Engine calls made while a container starts. The engine is often started alongside its apps (compose, a host
 * boot), so an unreachable engine is retried with doubling pauses for up to {@code --wait} before giving up; a
 * refused apikey is never retried, waiting cannot fix it.
 *
 * <p>Calls that do not depend on each other run in parallel ({@link #start}): a start is mostly waiting for
 * round trips, and one after the other they were the largest part of it.
 */
public final class EngineCalls {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final Duration wait;
    private final Clock clock;
    private final LaunchLog log;
    private final Executor executor;

    /** @param executor runs the calls begun with {@link #start}; each may block on the network */
    public EngineCalls(Duration wait, Clock clock, LaunchLog log, Executor executor) {
        this.wait = wait;
        this.clock = clock;
        this.log = log;
        this.executor = executor;
    }

    /** Begins {@code call} on another thread, retried as {@link #call} retries; {@link #await} ends it. */
    public <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(() -> call(call), executor);
    }

    /** The result of a call begun with {@link #start}, or the exception {@link #call} would have thrown. */
    public static <T> T await(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Where parallel work of a start runs. */
    public Executor executor() {
        return executor;
    }

    public <T> T call(Supplier<T> call) {
        Instant deadline = clock.instant().plus(wait);
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return call.get();
            } catch (EngineUnreachableException e) {
                Instant now = clock.instant();
                if (!now.isBefore(deadline)) {
                    throw new LaunchException(ExitReason.ENGINE_UNREACHABLE,
                            "Engine unreachable after " + wait.toSeconds() + "s: " + e.getMessage(), e);
                }
                log.info("Engine unreachable, retrying: " + e.getMessage());
                sleep(min(pause, Duration.between(now, deadline)));
                pause = min(pause.multipliedBy(2), LONGEST_PAUSE);
            } catch (AuthenticationException | ForbiddenException e) {
                throw new LaunchException(ExitReason.AUTHENTICATION, "Engine refused REFLEX_APIKEY: " + e.getMessage(), e);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(ExitReason.FAILED, "Interrupted while waiting for the engine", e);
        }
    }
}
