package io.reflex.launcher.lifecycle;

import java.time.Duration;

/** One readiness question: "are you ready now?". Throwing counts as "not yet". */
@FunctionalInterface
public interface Probe {

    boolean ready(Duration timeout) throws Exception;
}
