package io.reflex.launcher.lifecycle;

import io.reflex.launcher.log.LaunchLog;
import io.reflex.launcher.nativeos.ChildProcesses;
import io.reflex.launcher.nativeos.ExitStatus;
import io.reflex.launcher.nativeos.NativeChild;
import io.reflex.launcher.nativeos.SpawnRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A program under supervision (the app or a sidecar). Stopping it is the stop hook, then tini's and
 * consul-template's sequence: splay, the stop signal, {@code grace}, SIGKILL. With a restart policy a failed run is started again after a
 * backoff that doubles, and resets once a run lasted long enough to count as stable.
 */
public final class ProcessComponent implements Component {

    private static final int SIGKILL = 9;

    private final String name;
    private final SpawnRequest request;
    private final ChildProcesses processes;
    private final Optional<SpawnRequest> stopHook;
    private final Optional<Readiness> readiness;
    private final Settings settings;
    private final LaunchLog log;
    private final CompletableFuture<ExitStatus> ended = new CompletableFuture<>();
    private volatile NativeChild current;
    /** Guarded by {@code this} together with {@link #current}, so a restart never starts a run stop() missed. */
    private volatile boolean stopping;

    /**
     * @param stopSignal   sent first when stopping (SIGTERM normally)
     * @param splay        the stop signal waits a random time below this, so a fleet told to stop at once does
     *                     not stop (and reconnect, and reload) in the same instant
     * @param grace        time between the stop signal and SIGKILL
     * @param restart      start a failed run again instead of ending
     * @param firstBackoff pause before the first restart
     * @param stableRun    a run this long resets the backoff
     */
    public record Settings(int stopSignal, Duration splay, Duration grace, boolean restart, Duration firstBackoff, Duration stableRun,
                           Clock clock, Pause pause) {
    }

    public ProcessComponent(String name, SpawnRequest request, ChildProcesses processes, Optional<SpawnRequest> stopHook,
                            Optional<Readiness> readiness, Settings settings, LaunchLog log) {
        this.name = name;
        this.request = request;
        this.processes = processes;
        this.stopHook = stopHook;
        this.readiness = readiness;
        this.settings = settings;
        this.log = log;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Readiness> readiness() {
        return readiness;
    }

    /** The pid of the current run, for signal forwarding. */
    public Optional<Integer> pid() {
        NativeChild child = current;
        return child == null || child.exit().isDone() ? Optional.empty() : Optional.of(child.pid());
    }

    public void signal(int signal) {
        pid().ifPresent(pid -> processes.signal(pid, signal));
    }

    @Override
    public CompletableFuture<ExitStatus> start() {
        current = processes.spawn(request);
        log.info("Started " + name + " (pid " + current.pid() + ")");
        if (settings.restart()) {
            Thread.ofPlatform().daemon().name("launch-restart-" + name).start(this::restartLoop);
        } else {
            current.exit().whenComplete((status, error) -> ended.complete(status));
        }
        return ended;
    }

    @Override
    public void stop() {
        NativeChild child;
        synchronized (this) {
            stopping = true;
            child = current;
        }
        stopHook.ifPresent(this::runHook);
        if (child != null && !child.exit().isDone()) {
            splay();
            processes.signal(child.pid(), settings.stopSignal());
            try {
                child.exit().get(settings.grace().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.info(name + " still running after " + settings.grace().toMillis() + " ms, sending SIGKILL");
                processes.signal(child.pid(), SIGKILL);
                child.exit().join();
            } catch (Exception e) {
                processes.signal(child.pid(), SIGKILL);
            }
        }
        if (child != null) {
            ended.complete(child.exit().join());
        }
    }

    private void splay() {
        if (settings.splay().isPositive()) {
            try {
                settings.pause().sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(settings.splay().toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void runHook(SpawnRequest hook) {
        log.info("Running stop hook of " + name);
        try {
            NativeChild child = processes.spawn(hook);
            ExitStatus status = child.exit().get(settings.grace().toMillis(), TimeUnit.MILLISECONDS);
            if (!status.success()) {
                log.info("Stop hook of " + name + " failed: " + status);
            }
        } catch (TimeoutException e) {
            log.info("Stop hook of " + name + " timed out");
        } catch (Exception e) {
            log.info("Stop hook of " + name + " could not run: " + e.getMessage());
        }
    }

    private void restartLoop() {
        Duration backoff = settings.firstBackoff();
        while (true) {
            Instant began = settings.clock().instant();
            ExitStatus status = current.exit().join();
            if (stopping || status.success()) {
                ended.complete(status);
                return;
            }
            if (Duration.between(began, settings.clock().instant()).compareTo(settings.stableRun()) >= 0) {
                backoff = settings.firstBackoff();
            }
            log.info(name + " failed (" + status + "), restarting in " + backoff.toMillis() + " ms");
            try {
                settings.pause().sleep(backoff);
            } catch (InterruptedException e) {
                ended.complete(status);
                return;
            }
            backoff = backoff.multipliedBy(2);
            synchronized (this) {
                if (stopping) {
                    ended.complete(status);
                    return;
                }
                current = processes.spawn(request);
            }
            log.info("Restarted " + name + " (pid " + current.pid() + ")");
        }
    }
}
