package io.reflex.launcher.lifecycle;

import java.time.Duration;

/** Waiting, injected so that tests of backoff and timeouts do not sleep for real. */
@FunctionalInterface
public interface Pause {

    Pause REAL = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
