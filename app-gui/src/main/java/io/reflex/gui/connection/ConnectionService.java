package io.reflex.gui.connection;

import io.reflex.client.AuthenticationException;
import io.reflex.client.EngineUnreachableException;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexException;
import io.reflex.gui.dialog.DialogService;
import io.reflex.gui.dialog.ErrorSentences;
import io.reflex.gui.task.TaskExecutor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Owns the connection to one engine and keeps it alive: a monitor probes the engine every few seconds, and once a
 * call or a probe finds it gone, reconnects with doubling pauses. Views do not reconnect themselves; they report
 * failures here and refresh when {@link #sessionProperty()} moves on.
 */
public final class ConnectionService implements AutoCloseable {
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(3);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final TaskExecutor executor;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("reflex-console-monitor").factory());
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyObjectWrapper<ReflexClient> client = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shortLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper session = new ReadOnlyIntegerWrapper();
    private ConnectionTarget target;
    private ScheduledFuture<?> scheduled;
    private Duration nextRetry = FIRST_RETRY;

    public ConnectionService(TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Connects to {@code target}, dropping any earlier connection. {@code onOpened} runs on the FX thread once the
     * engine answered, before views refresh, so first-run work (demo data) is in place when they list.
     */
    public void connect(ConnectionTarget newTarget, Consumer<ConnectionTarget.Opened> onOpened) {
        stopMonitor();
        if (target != null && target != newTarget) {
            ConnectionTarget previous = target;
            executor.run(() -> {
                previous.close();
                return previous;
            }, closed -> {}, failure -> {});
        }
        target = newTarget;
        label.set(newTarget.label());
        shortLabel.set(newTarget.shortLabel());
        state.set(ConnectionState.CONNECTING);
        problem.set("");
        executor.run(newTarget::open, opened -> {
            onOpened.accept(opened);
            established(opened.client());
        }, failure -> {
            problem.set(ErrorSentences.of(failure));
            if (failure instanceof EngineUnreachableException) {
                lost();
            } else {
                state.set(ConnectionState.DISCONNECTED);
            }
        });
    }

    /**
     * Called by views when a call failed. An unreachable engine starts the reconnect loop; a refused apikey ends
     * the connection, because retrying with the same key cannot help.
     */
    public void reportFailure(Throwable failure) {
        if (failure instanceof EngineUnreachableException && state.get() == ConnectionState.CONNECTED) {
            problem.set(ErrorSentences.of(failure));
            lost();
        } else if (failure instanceof AuthenticationException) {
            problem.set(ErrorSentences.of(failure));
            stopMonitor();
            state.set(ConnectionState.DISCONNECTED);
        }
    }

    private void established(ReflexClient connected) {
        client.set(connected);
        state.set(ConnectionState.CONNECTED);
        problem.set("");
        nextRetry = FIRST_RETRY;
        session.set(session.get() + 1);
        schedule(PROBE_INTERVAL);
    }

    private void lost() {
        state.set(ConnectionState.LOST);
        schedule(nextRetry);
    }

    private synchronized void schedule(Duration delay) {
        if (monitor.isShutdown()) {
            return;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = monitor.schedule(this::probe, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        ReflexClient current = client.get();
        ConnectionTarget probing = target;
        try {
            ReflexClient answering = current != null ? current : probing.open().client();
            answering.find(ObjectType.APIKEY, answering.apikeyName());
            Platform.runLater(() -> probed(probing, answering, null));
        } catch (Exception e) {
            Platform.runLater(() -> probed(probing, current, e));
        }
    }

    private void probed(ConnectionTarget probing, ReflexClient answering, Exception failure) {
        if (probing != target) {
            return;
        }
        boolean reachable = failure == null || failure instanceof ReflexException
                && !(failure instanceof EngineUnreachableException || failure instanceof AuthenticationException);
        if (reachable) {
            if (state.get() == ConnectionState.CONNECTED) {
                schedule(PROBE_INTERVAL);
            } else {
                established(answering);
            }
        } else if (failure instanceof AuthenticationException) {
            reportFailure(failure);
        } else {
            if (state.get() == ConnectionState.CONNECTED) {
                problem.set(ErrorSentences.of(failure));
            } else {
                nextRetry = min(nextRetry.multipliedBy(2), LONGEST_RETRY);
            }
            lost();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private synchronized void stopMonitor() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }

    /**
     * Reads from the connected engine on a task thread and hands the result to {@code onResult}; does nothing while
     * not connected. A failure is reported here (so a lost engine is noticed) and shown as {@code failureTitle}.
     */
    public <T> void read(Function<ReflexClient, T> work, Consumer<? super T> onResult, DialogService dialogs,
            String failureTitle) {
        ReflexClient current = client.get();
        if (current == null) {
            return;
        }
        executor.run(() -> work.apply(current), onResult, failure -> {
            reportFailure(failure);
            dialogs.showFailure(failureTitle, failure);
        });
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ConnectionState getState() {
        return state.get();
    }

    /** The client of the current connection; null before the first one. */
    public ReadOnlyObjectProperty<ReflexClient> clientProperty() {
        return client.getReadOnlyProperty();
    }

    public ReflexClient getClient() {
        return client.get();
    }

    /** The apikey of the current connection, for launchers the console starts; empty when unknown. */
    public Optional<String> apikey() {
        return target == null ? Optional.empty() : target.apikey();
    }

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    /** The target's name alone, for an engine tab. */
    public ReadOnlyStringProperty shortLabelProperty() {
        return shortLabel.getReadOnlyProperty();
    }

    /** Why the connection is not up, as one sentence; empty while it is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Counts connections made, reconnects included; views reload when it changes. */
    public ReadOnlyIntegerProperty sessionProperty() {
        return session.getReadOnlyProperty();
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        if (target != null) {
            target.close();
        }
    }
}
