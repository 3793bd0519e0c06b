package io.reflex.launcher.redeploy;

import io.reflex.launcher.instance.ColorDetails;
import io.reflex.launcher.instance.RedeployReport;
import io.reflex.launcher.lifecycle.Component;
import io.reflex.launcher.lifecycle.Pause;
import io.reflex.launcher.lifecycle.ProcessComponent;
import io.reflex.launcher.lifecycle.Readiness;
import io.reflex.launcher.log.LaunchLog;
import io.reflex.launcher.nativeos.ChildProcesses;
import io.reflex.launcher.nativeos.ExitStatus;
import io.reflex.launcher.proxy.TrafficRouter;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The app as a sequence of colors behind the proxy (docs/redeploy.md). As a lifecycle {@link Component} it starts
 * color 1 and ends when the serving color ends with no older one to fall back to; {@link #request} runs a
 * redeploy. Redeploys run one at a time on one thread: a request that arrives while one runs joins the next run
 * (coalesced), so two never overlap. Draining and stopping an old color happen off that thread, so a long drain
 * does not hold up the next redeploy; {@link RedeploySettings#MAX_COLORS} bounds how many colors that can leave alive.
 */
public final class Redeployer implements Component {

    private static final int SIGTERM = 15;

    private final TrafficRouter router;
    private final ColorSource source;
    private final ColorPlan first;
    private final ChildProcesses processes;
    private final RedeploySettings settings;
    private final ColorReadiness readiness;
    private final Consumer<ColorDetails> reporter;
    private final LaunchLog log;
    private final Semaphore slots = new Semaphore(RedeploySettings.MAX_COLORS);
    private final ExecutorService queue =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("launch-redeploy").factory());
    private final ExecutorService stoppers = Executors.newVirtualThreadPerTaskExecutor();
    private final CompletableFuture<ExitStatus> ended = new CompletableFuture<>();
    private final Object lock = new Object();
    /** Guarded by {@link #lock}, like every field below. */
    private final List<Color> colors = new ArrayList<>();
    private Color current;
    private int nextNumber = 1;
    private Pending pending;
    private RedeployReport lastReport;
    private boolean stopping;

    /**
     * @param first    color 1, prepared by the ordinary start sequence
     * @param source   prepares every later color
     * @param reporter receives the instance's color details at every change
     */
    public Redeployer(TrafficRouter router, ColorPlan first, ColorSource source, ChildProcesses processes,
                      RedeploySettings settings, Consumer<ColorDetails> reporter, LaunchLog log) {
        this.router = router;
        this.first = first;
        this.source = source;
        this.processes = processes;
        this.settings = settings;
        this.readiness = new ColorReadiness(settings);
        this.reporter = reporter;
        this.log = log;
    }

    @Override
    public String name() {
        return "app";
    }

    @Override
    public Optional<Readiness> readiness() {
        return Optional.empty();
    }

    /** Starts color 1 and routes to it once ready. @throws IllegalStateException when it never becomes ready */
    @Override
    public CompletableFuture<ExitStatus> start() {
        InetSocketAddress listen = router.listenAddress();
        log.info("Proxy listening on " + listen.getHostString() + ":" + listen.getPort());
        Optional<String> failure = deploy(first);
        if (failure.isPresent()) {
            router.close();
            throw new IllegalStateException(failure.get());
        }
        return ended;
    }

    /** Queues a redeploy; the future completes when the run that covers it has ended. */
    public CompletableFuture<RedeployOutcome> request(RedeployRequest request) {
        CompletableFuture<RedeployOutcome> outcome = new CompletableFuture<>();
        synchronized (lock) {
            if (stopping) {
                outcome.complete(new RedeployOutcome(request.id(), false, 0, "the service is stopping"));
                return outcome;
            }
            if (pending == null) {
                pending = new Pending(request, new ArrayList<>(List.of(outcome)));
                queue.execute(this::runPending);
                log.info("Redeploy " + request.id() + " requested (" + request.by() + ")");
            } else {
                pending = new Pending(pending.request().coalesce(request), pending.waiting());
                pending.waiting().add(outcome);
                log.info("Redeploy " + request.id() + " requested (" + request.by() + ") while another is waiting: "
                        + "coalesced into " + pending.request().id());
            }
            report(pending.request().id(), "queued", "");
        }
        publish();
        return outcome;
    }

    /** Shows {@code id} as queued on the instance while it waits for its turn in a rolling redeploy. */
    public void queued(String id) {
        synchronized (lock) {
            report(id, "queued", "");
        }
        publish();
    }

    /** Passes a signal to the color receiving new requests (the supervisor's signal forwarding). */
    public void signal(int signal) {
        Color serving;
        synchronized (lock) {
            serving = current;
        }
        if (serving != null) {
            serving.signal(signal);
        }
    }

    /** Closes the proxy, then stops every color at once, each with its stop hook, SIGTERM and grace. */
    @Override
    public void stop() {
        List<Pending> dropped = new ArrayList<>();
        List<Color> running;
        synchronized (lock) {
            stopping = true;
            if (pending != null) {
                dropped.add(pending);
                pending = null;
            }
            running = List.copyOf(colors);
        }
        dropped.forEach(p -> p.complete(new RedeployOutcome(p.request().id(), false, 0, "the service is stopping")));
        queue.shutdownNow();
        router.close();
        running.forEach(color -> color.state(Color.State.STOPPING));
        publish();
        CompletableFuture.allOf(running.stream()
                .map(color -> CompletableFuture.runAsync(color::stop, stoppers)).toArray(CompletableFuture[]::new))
                .join();
        stoppers.shutdown();
        Color last = running.isEmpty() ? null : running.getLast();
        if (last != null) {
            ended.complete(last.exit().join());
        }
    }

    private void runPending() {
        Pending run;
        synchronized (lock) {
            run = pending;
            pending = null;
            if (run == null) {
                return;
            }
            report(run.request().id(), "deploying", "");
        }
        publish();
        RedeployRequest request = run.request();
        log.info("Redeploy " + request.id() + ": preparing the next color");
        Optional<String> failure;
        try {
            failure = deploy(source.prepare(request.target()));
        } catch (RuntimeException e) {
            failure = Optional.of("cannot prepare the next color: " + e.getMessage());
        }
        RedeployOutcome outcome;
        synchronized (lock) {
            int serving = current == null ? 0 : current.number();
            outcome = new RedeployOutcome(request.id(), failure.isEmpty(), serving, failure.orElse(""));
            report(request.id(), failure.isEmpty() ? "done" : "failed", failure.orElse(""));
        }
        publish();
        log.info(failure.map(why -> "Redeploy " + request.id() + " failed, color " + outcome.color()
                        + " keeps serving: " + why)
                .orElse("Redeploy " + request.id() + " done: color " + outcome.color() + " serves"));
        run.complete(outcome);
    }

    /** Steps 2 to 5: start, wait until ready, switch, and drain the old color in the background. */
    private Optional<String> deploy(ColorPlan plan) {
        if (!slots.tryAcquire()) {
            log.info(RedeploySettings.MAX_COLORS + " colors exist: waiting until an old one has stopped");
            slots.acquireUninterruptibly();
        }
        Color color;
        try {
            color = startColor(plan);
        } catch (RuntimeException e) {
            slots.release();
            return Optional.of("cannot start the next color: " + e.getMessage());
        }
        color.exit().whenComplete((status, error) -> ended(color, status));
        Optional<String> notReady = readiness.await(color);
        if (notReady.isPresent()) {
            color.state(Color.State.FAILED);
            publish();
            color.stop();
            return notReady;
        }
        Color previous;
        synchronized (lock) {
            if (stopping) {
                return Optional.of("the service is stopping");
            }
            previous = current;
            current = color;
            router.routeTo(color.backend());
            color.state(Color.State.READY);
            log.info(color.name() + " is ready on port " + color.port() + "; new requests go to it");
        }
        if (previous != null) {
            drain(previous);
        }
        publish();
        return Optional.empty();
    }

    private Color startColor(ColorPlan plan) {
        int number;
        synchronized (lock) {
            number = nextNumber++;
        }
        int port;
        Color color;
        try (PortReservation reservation = PortReservation.loopback()) {
            port = reservation.port();
        }
        ProcessComponent process = new ProcessComponent("color " + number, plan.on(port), processes, plan.stopHook(),
                Optional.empty(), new ProcessComponent.Settings(SIGTERM, Duration.ZERO, settings.grace(), false,
                Duration.ofSeconds(1), Duration.ofSeconds(60), Clock.systemUTC(), Pause.REAL), log);
        color = Color.start(number, port, plan.version(), process);
        synchronized (lock) {
            colors.add(color);
        }
        publish();
        return color;
    }

    /** Step 5 and 6: wait until the old color has nothing in flight (at most the drain grace), then stop it. */
    private void drain(Color old) {
        int drain = old.beginDrain();
        log.info(old.name() + " draining (" + router.inFlight(old.backend()) + " in flight, grace "
                + settings.drain().toMillis() + " ms)");
        router.drained(old.backend()).completeOnTimeout(null, settings.drain().toMillis(), TimeUnit.MILLISECONDS)
                .thenRunAsync(() -> stopDrained(old, drain), stoppers);
    }

    private void stopDrained(Color old, int drain) {
        synchronized (lock) {
            if (!old.isLatestDrain(drain)) {
                return;
            }
            old.state(Color.State.STOPPING);
        }
        int left = router.inFlight(old.backend());
        log.info(old.name() + (left == 0 ? " drained" : " still has " + left + " in flight after the drain grace")
                + ", stopping it");
        publish();
        old.stop();
    }

    /**
     * A color's process ended. Expected for a color being stopped; for the serving color it means the app died:
     * the newest color still draining takes over again when there is one, else the service ends.
     */
    private void ended(Color color, ExitStatus status) {
        slots.release();
        Color fallback = null;
        boolean serviceEnds = false;
        synchronized (lock) {
            Color.State was = color.state();
            color.state(Color.State.STOPPED);
            colors.remove(color);
            if (color == current && !stopping) {
                fallback = colors.reversed().stream().filter(c -> c.state() == Color.State.DRAINING).findFirst()
                        .orElse(null);
                if (fallback != null) {
                    current = fallback;
                    fallback.state(Color.State.READY);
                    router.routeTo(fallback.backend());
                    report(lastReport == null ? "" : lastReport.id(), "failed", color.name() + " ended with "
                            + status + " while " + fallback.name() + " was draining; " + fallback.name()
                            + " serves again");
                } else {
                    serviceEnds = true;
                }
            } else if (was == Color.State.DRAINING) {
                log.info(color.name() + " ended by itself while draining: " + status);
            }
        }
        if (fallback != null) {
            log.info(color.name() + " ended with " + status + "; " + fallback.name() + " serves again");
        }
        publish();
        if (serviceEnds) {
            ended.complete(status);
        }
    }

    /** Must hold {@link #lock}. */
    private void report(String id, String state, String message) {
        lastReport = new RedeployReport(id, state, message, Clock.systemUTC().instant());
    }

    private void publish() {
        ColorDetails details;
        synchronized (lock) {
            details = new ColorDetails(current == null ? 0 : current.number(),
                    colors.stream().map(Color::report).toList(), Optional.ofNullable(lastReport));
        }
        reporter.accept(details);
    }

    private record Pending(RedeployRequest request, List<CompletableFuture<RedeployOutcome>> waiting) {

        void complete(RedeployOutcome outcome) {
            waiting.forEach(future -> future.complete(outcome));
        }
    }
}
