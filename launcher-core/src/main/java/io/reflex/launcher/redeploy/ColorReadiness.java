package io.reflex.launcher.redeploy;

import io.reflex.launcher.lifecycle.Probe;
import io.reflex.launcher.lifecycle.Probes;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Step 3 of a redeploy: has the new color become ready within {@code ready-timeout}? The health path is asked
 * every {@link #INTERVAL}; a color that exits meanwhile fails at once instead of at the deadline.
 */
final class ColorReadiness {

    static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    private final RedeploySettings settings;

    ColorReadiness(RedeploySettings settings) {
        this.settings = settings;
    }

    /** Empty when ready, else why not. */
    Optional<String> await(Color color) {
        if (settings.healthPath().isEmpty() && settings.warmup().isPositive()) {
            return warmUp(color);
        }
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        Probe probe = settings.healthPath()
                .map(path -> Probes.http("http://" + host + ":" + color.port() + path, settings.expect()))
                .orElse(Probes.tcp(host, color.port()));
        String what = settings.healthPath().map(path -> "GET " + path + " answering " + settings.expect())
                .orElse("port " + color.port() + " accepting");
        Instant deadline = Instant.now().plus(settings.readyTimeout());
        while (true) {
            if (color.exit().isDone()) {
                return Optional.of(color.name() + " exited before it was ready: " + color.exit().join());
            }
            if (ask(probe)) {
                return Optional.empty();
            }
            if (Instant.now().isAfter(deadline)) {
                return Optional.of(color.name() + " not ready after " + settings.readyTimeout().toMillis()
                        + " ms (" + what + ")");
            }
            try {
                color.exit().get(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running: ask again
            } catch (Exception e) {
                return Optional.of(color.name() + ": " + e.getMessage());
            }
        }
    }

    private Optional<String> warmUp(Color color) {
        try {
            return Optional.of(color.name() + " exited during its warm-up: "
                    + color.exit().get(settings.warmup().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(color.name() + ": " + e.getMessage());
        }
    }

    private static boolean ask(Probe probe) {
        try {
            return probe.ready(ATTEMPT_TIMEOUT);
        } catch (Exception e) {
            return false;
        }
    }
}
