package io.reflex.gui.localrun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One {@code launch service NAME --mode supervise} started by the console: its merged output, whether the process
 * still runs, and the lifecycle state its instance reports to the engine. Output lines reach the FX thread in
 * batches, so a chatty app costs one list change per pulse rather than one per line.
 */
public final class LocalRun {
    /** Lines kept per run; older ones are dropped, the app's own logs are elsewhere for good. */
    static final int LINES_KEPT = 5000;
    private static final Duration LIFECYCLE_POLL = Duration.ofMillis(500);

    /** Where the launcher process is. */
    public enum Phase {
        RUNNING,
        STOPPING,
        EXITED
    }

    private final String service;
    private final String instanceName;
    private final Process process;
    private final Runnable onExit;
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.RUNNING);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper lifecycle = new ReadOnlyStringWrapper("");
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushQueued = new AtomicBoolean();

    /**
     * @param proxyPort   the port of the launcher's proxy, when it runs the app behind one
     * @param lifecycleOf reads the lifecycle state of an instance from the engine (empty when it is not there);
     *                    asked every half second while the launcher runs
     */
    LocalRun(String service, String instanceName, Process process, OptionalInt proxyPort,
            Function<String, String> lifecycleOf, Runnable onExit) {
        this.service = service;
        this.instanceName = instanceName;
        this.process = process;
        this.onExit = onExit;
        status.set("running, pid " + process.pid()
                + (proxyPort.isPresent() ? ", proxy on 127.0.0.1:" + proxyPort.getAsInt() : ""));
        Thread.ofVirtual().name("reflex-console-run-" + service).start(this::pump);
        Thread.ofVirtual().name("reflex-console-run-state-" + service).start(() -> followLifecycle(lifecycleOf));
    }

    private void followLifecycle(Function<String, String> lifecycleOf) {
        try {
            while (!process.waitFor(LIFECYCLE_POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                String state = lifecycleOf.apply(instanceName);
                Platform.runLater(() -> lifecycle.set(state));
            }
            String last = lifecycleOf.apply(instanceName);
            Platform.runLater(() -> lifecycle.set(last));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException engineGone) {
            Platform.runLater(() -> lifecycle.set("unknown (" + engineGone.getMessage() + ")"));
        }
    }

    private void pump() {
        try (BufferedReader lines = process.inputReader()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                pending.add(line);
                queueFlush();
            }
        } catch (IOException | UncheckedIOException e) {
            pending.add("(output lost: " + e.getMessage() + ")");
        }
        int code = waitForExit();
        onExit.run();
        Platform.runLater(() -> {
            flush();
            phase.set(Phase.EXITED);
            status.set("exited with " + code + (code > 128 ? " (signal " + (code - 128) + ")" : ""));
        });
    }

    private int waitForExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void queueFlush() {
        if (flushQueued.compareAndSet(false, true)) {
            Platform.runLater(this::flush);
        }
    }

    private void flush() {
        flushQueued.set(false);
        List<String> batch = new ArrayList<>();
        for (String line = pending.poll(); line != null; line = pending.poll()) {
            batch.add(line);
        }
        output.addAll(batch);
        if (output.size() > LINES_KEPT) {
            output.remove(0, output.size() - LINES_KEPT);
        }
    }

    /**
     * SIGTERM to the launcher, which stops the app in order; SIGKILL to it and every descendant after
     * {@code grace} if it is still there. Blocks until then, so it runs on a task thread.
     */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        Platform.runLater(() -> {
            phase.set(Phase.STOPPING);
            status.set("stopping (SIGTERM sent)");
        });
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every run in parallel, each with its grace period, and returns when all have ended. */
    static void stopAll(List<LocalRun> runs, Duration grace) {
        List<Thread> stopping = runs.stream().filter(LocalRun::alive)
                .map(run -> Thread.ofVirtual().start(() -> run.stop(grace))).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String service() {
        return service;
    }

    /** The instance the launcher registers, {@code <service>-<hostname>}. */
    public String instanceName() {
        return instanceName;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public ObservableList<String> getOutput() {
        return output;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The process as a sentence: running with its pid, stopping, or its exit code. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The lifecycle state of the run's instance on the engine, empty until it registered. */
    public ReadOnlyStringProperty lifecycleProperty() {
        return lifecycle.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return service;
    }
}
