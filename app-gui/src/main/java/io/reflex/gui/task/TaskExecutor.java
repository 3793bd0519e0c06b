package io.reflex.gui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;

/**
 * Runs engine calls away from the FX thread so the window never freezes, and hands results back on the FX thread.
 * The app runs work on virtual threads; tests run it on the calling thread, so they need no waiting.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work}, then calls exactly one of {@code onSuccess} or {@code onFailure} on the FX thread.
     * Must be called on the FX thread.
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** How many tasks are running now; the status bar shows progress while it is above zero. */
    ReadOnlyIntegerProperty runningProperty();
}
