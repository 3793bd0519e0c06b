package io.reflex.launcher.process;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import sun.misc.Signal;

/**
 * Catches the signals a supervisor must pass on (tini forwards all but SIGCHLD). SIGQUIT is missing on purpose:
 * HotSpot reserves it for thread dumps and refuses a handler; SIGKILL and SIGSTOP cannot be caught at all.
 */
public final class SignalForwarder {

    /** Name to Linux x86-64/aarch64 number. */
    public static final Map<String, Integer> FORWARDED = Map.of(
            "HUP", 1, "INT", 2, "USR1", 10, "USR2", 12, "TERM", 15, "WINCH", 28);
    /** Signals that also mean "shut down": the app still gets them first, as it would without a launcher. */
    public static final List<String> STOPPING = List.of("TERM", "INT");

    private SignalForwarder() {
    }

    /** Calls {@code handler} with the signal number each time one of {@link #FORWARDED} arrives. */
    public static void install(IntConsumer handler) {
        FORWARDED.forEach((name, number) -> Signal.handle(new Signal(name), signal -> handler.accept(number)));
    }

    public static int number(String name) {
        Integer number = FORWARDED.get(name);
        if (number == null) {
            throw new IllegalArgumentException("Unsupported signal: " + name);
        }
        return number;
    }
}
