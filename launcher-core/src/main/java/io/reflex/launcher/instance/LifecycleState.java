package io.reflex.launcher.instance;

import java.util.Locale;

/** What a supervised service is doing, as the console shows it on the instance. */
public enum LifecycleState {
    STARTING, PREPARING, READY, DRAINING, STOPPED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The instance's classic {@code status}: peers only count {@code ok} instances. */
    public String status() {
        return this == FAILED || this == STOPPED ? "failed" : "ok";
    }
}
