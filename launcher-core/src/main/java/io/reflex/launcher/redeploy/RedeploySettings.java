package io.reflex.launcher.redeploy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How colors are run behind the proxy (the pipeline's {@code launch.proxy} and the matching options, see
 * docs/redeploy.md).
 *
 * @param listen       the public address the proxy owns
 * @param healthPath   a path on the color that answers {@code expect} once it is ready; without one, {@code warmup}
 *                     is waited instead, and without that the color is ready once its port accepts connections
 * @param expect       the status the health path must answer
 * @param warmup       a fixed time a color gets before it counts as ready (when there is no health path)
 * @param readyTimeout the longest a new color may take to become ready
 * @param drain        the grace period an old color gets to finish its in-flight requests
 * @param grace        time between SIGTERM and SIGKILL when a color is stopped ({@code --grace})
 */
public record RedeploySettings(InetSocketAddress listen, Optional<String> healthPath, int expect, Duration warmup,
                           Duration readyTimeout, Duration drain, Duration grace) {

    /** At most this many colors exist at once; a redeploy beyond it waits until an old color has stopped. */
    public static final int MAX_COLORS = 10;

    public RedeploySettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(healthPath, "healthPath");
        if (healthPath.isEmpty() && warmup.compareTo(readyTimeout) > 0) {
            throw new IllegalArgumentException("proxy warmup (" + warmup.toMillis() + " ms) is longer than its "
                    + "ready-timeout (" + readyTimeout.toMillis() + " ms)");
        }
    }
}
