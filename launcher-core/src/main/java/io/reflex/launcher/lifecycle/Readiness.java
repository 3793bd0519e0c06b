package io.reflex.launcher.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long to ask a {@link Probe} before giving up on a component.
 *
 * @param description what is probed, for the log ({@code http://127.0.0.1:8080/health})
 * @param attempts    how many times to ask
 * @param backoff     pause after the first failed attempt; it doubles up to ten times its start value
 * @param timeout     the longest one attempt may take
 */
public record Readiness(Probe probe, String description, int attempts, Duration backoff, Duration timeout) {

    public Readiness {
        Objects.requireNonNull(probe, "probe");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }
}
