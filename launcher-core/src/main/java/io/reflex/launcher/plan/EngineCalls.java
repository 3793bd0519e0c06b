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
import java.util.function.Supplier;

/**
 * Engine calls made while a container starts. The engine is often started alongside its apps (compose, a host
 * boot), so an unreachable engine is retried with doubling pauses for up to {@code --wait} before giving up; a
 * refused apikey is never retried, waiting cannot fix it.
 */
public final class EngineCalls {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final Duration wait;
    private final Clock clock;
    private final LaunchLog log;

    public EngineCalls(Duration wait, Clock clock, LaunchLog log) {
        this.wait = wait;
        this.clock = clock;
        this.log = log;
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
