package io.reflex.gui.connection;

import io.reflex.client.ReflexClient;
import java.util.Optional;

/** Something the console can connect to: the embedded local engine, or a saved profile. */
public interface ConnectionTarget {

    /** What the status bar calls it. */
    String label();

    /** What an engine tab calls it, where space is short. */
    default String shortLabel() {
        return label();
    }

    /**
     * Opens the connection; blocks, so it runs on a task thread.
     *
     * @return the client and whether the engine was created just now (a new database gets demo data)
     */
    Opened open() throws Exception;

    /**
     * The apikey launchers started by the console sign in with (a local run); empty when the target does not know
     * it. Only valid after {@link #open()}.
     */
    default Optional<String> apikey() {
        return Optional.empty();
    }

    /** Releases what {@link #open()} started; the local engine stops here. */
    default void close() {}

    /** The result of {@link #open()}. */
    record Opened(ReflexClient client, boolean newEngine) {}
}
