package io.reflex.gui.bench;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.gui.Console;
import io.reflex.gui.connection.LocalEngineTarget;
import io.reflex.gui.connection.SavedConnections;
import io.reflex.gui.navigation.SidebarItem;
import io.reflex.gui.task.VirtualThreadTaskExecutor;
import io.reflex.launcher.nativeos.ThreadPriority;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The console on a local engine filled by {@code ConsoleBench load}: keystrokes into the name filter are timed to the
 * end of the layout pulse that shows the filtered table, then instance heartbeats arrive at a fixed rate while an
 * animation timer records the longest gap between frames on the FX thread.
 */
public final class UiProbe extends Application {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String FILTER_TEXT = "svc-01";
    private static final int FILTER_ROUNDS = 3;
    private static final int UPDATES_PER_SECOND = 1000;
    private static final long WARMUP_MILLIS = 3_000;
    private static final long STALL_WINDOW_MILLIS = 20_000;
    private static final int SENDERS = 16;
    private static final String SENDER_NAME = "bench-fleet-";
    private Console console;
    private LocalEngineTarget local;
    private Scene scene;
    private int services;
    private int instances;

    @Override
    public void start(Stage stage) throws Exception {
        Path dataDir = Path.of(getParameters().getRaw().getFirst());
        String[] counts = Files.readString(dataDir.resolve("bench-loaded")).split(" ");
        services = Integer.parseInt(counts[0]);
        instances = Integer.parseInt(counts[1]);
        local = new LocalEngineTarget(dataDir);
        console = new Console(new VirtualThreadTaskExecutor(), Clock.systemUTC(),
                new SavedConnections(Files.createTempDirectory("console-bench-config")), local);
        console.show(stage, 1280, 800);
        scene = stage.getScene();
        console.model().connect(local);
        Thread.ofPlatform().name("console-bench-driver").start(this::drive);
    }

    private void drive() {
        try {
            await(() -> console.model().getList().getShown().size() >= services);
            onFx(() -> console.model().sectionProperty().set(section(SidebarItem.Kind.LIVE_INSTANCES)));
            await(() -> console.model().getInstances().getRows().size() >= instances);
            System.out.println("loaded " + fx(() -> console.model().getList().countProperty().get()) + ", "
                    + fx(() -> console.model().getInstances().getRows().size()) + " instances");
            onFx(() -> console.model().sectionProperty().set(SidebarItem.browse(ObjectType.SERVICE)));
            measureFilter();
            onFx(() -> console.model().sectionProperty().set(section(SidebarItem.Kind.LIVE_INSTANCES)));
            measureStalls();
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.runLater(Platform::exit);
        }
    }

    private void measureFilter() throws Exception {
        TextField glob = fx(() -> (TextField) scene.lookup("#glob-filter"));
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        for (int round = 0; round < FILTER_ROUNDS; round++) {
            for (char c : FILTER_TEXT.toCharArray()) {
                record(keystroke(glob, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                        false, false, false, false)), millis, cpuMillis);
            }
            int shown = fx(() -> console.model().getList().getShown().size());
            if (!fx(glob::getText).equals(FILTER_TEXT) || shown >= services) {
                throw new IllegalStateException("typing did not filter: '" + fx(glob::getText) + "', " + shown);
            }
            for (int i = 0; i < FILTER_TEXT.length(); i++) {
                record(keystroke(glob, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.BACK_SPACE,
                        false, false, false, false)), millis, cpuMillis);
            }
        }
        millis.sort(Double::compare);
        cpuMillis.sort(Double::compare);
        System.out.printf("filter-keystrokes %d%n", millis.size());
        System.out.printf("filter-median-ms %.1f%n", millis.get(millis.size() / 2));
        System.out.printf("filter-max-ms %.1f%n", millis.getLast());
        System.out.printf("filter-fx-cpu-median-ms %.1f%n", cpuMillis.get(cpuMillis.size() / 2));
        System.out.printf("filter-fx-cpu-max-ms %.1f%n", cpuMillis.getLast());
    }

    private static void record(double[] wallAndCpu, List<Double> wall, List<Double> cpu) {
        wall.add(wallAndCpu[0]);
        cpu.add(wallAndCpu[1]);
    }

    /**
     * Milliseconds from dispatching {@code key} to the end of the next layout pulse: wall time, and the FX thread's
     * CPU time in between (what the wall time would be on an idle machine, rendering aside).
     */
    private double[] keystroke(TextField field, KeyEvent key) throws Exception {
        CompletableFuture<double[]> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                done.complete(new double[] {(System.nanoTime() - start) / 1e6,
                        (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6});
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Event.fireEvent(field, key);
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    private void measureStalls() throws Exception {
        FrameGapMonitor gaps = new FrameGapMonitor();
        onFx(gaps::start);
        ReflexClient client = console.model().getConnection().getClient();
        AtomicLong sent = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        Semaphore inFlight = new Semaphore(64);
        long begin = System.nanoTime();
        long end = begin + TimeUnit.MILLISECONDS.toNanos(WARMUP_MILLIS + STALL_WINDOW_MILLIS);
        boolean measuring = false;
        try (ExecutorService pingers = fleet()) {
            long tick = 0;
            while (System.nanoTime() < end) {
                if (!measuring && System.nanoTime() - begin >= TimeUnit.MILLISECONDS.toNanos(WARMUP_MILLIS)) {
                    onFx(gaps::reset);
                    sent.set(0);
                    skipped.set(0);
                    measuring = true;
                }
                for (int i = 0; i < UPDATES_PER_SECOND / 100; i++) {
                    int instance = (int) (tick++ * 7919 % instances);
                    if (!inFlight.tryAcquire()) {
                        skipped.incrementAndGet();
                        continue;
                    }
                    pingers.submit(() -> {
                        try {
                            ConsoleBench.ping(client, instance, services);
                            sent.incrementAndGet();
                        } finally {
                            inFlight.release();
                        }
                    });
                }
                long next = begin + tick / (UPDATES_PER_SECOND / 100) * TimeUnit.MILLISECONDS.toNanos(10);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            }
        }
        onFx(gaps::stop);
        double seconds = STALL_WINDOW_MILLIS / 1000.0;
        System.out.printf("updates-per-second %.0f%n", sent.get() / seconds);
        System.out.printf("updates-skipped %d%n", skipped.get());
        System.out.printf("frames %d%n", gaps.frames());
        System.out.printf("stall-p99-ms %.1f%n", gaps.percentile(0.99));
        System.out.printf("stall-max-ms %.1f%n", gaps.longest());
        System.out.printf("stall-fx-cpu-max-ms %.1f%n", gaps.longestCpu());
        System.out.println("instances-shown " + fx(() -> console.model().getInstances().getRows().size()));
    }

    /**
     * The senders of the heartbeats stand in for a fleet of launchers on other machines, so they run at nice 10: in
     * this process at nice 0 they took a third of a core from the window, which no real fleet does. The local engine
     * that receives the heartbeats keeps the priority the console gives it.
     */
    private static ExecutorService fleet() {
        ThreadPoolExecutor senders = (ThreadPoolExecutor) Executors.newFixedThreadPool(SENDERS,
                Thread.ofPlatform().daemon().name(SENDER_NAME, 0).factory());
        senders.prestartAllCoreThreads();
        ThreadPriority.lowerThreadsNamed(SENDER_NAME, 10);
        return senders;
    }

    private static SidebarItem section(SidebarItem.Kind kind) {
        return SidebarItem.all().stream().filter(item -> item.kind() == kind).findFirst().orElseThrow();
    }

    private static <T> T fx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable work) throws Exception {
        fx(() -> {
            work.run();
            return true;
        });
    }

    private static void await(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the console did not get there in 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void stop() {
        console.close();
        local.close();
    }

    /** Gaps between consecutive frames, measured by an animation timer on the FX thread. */
    private static final class FrameGapMonitor extends AnimationTimer {
        private final List<Double> gaps = new ArrayList<>();
        private long last;
        private long lastCpu;
        private double longestCpu;

        @Override
        public void handle(long now) {
            long at = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (last != 0) {
                gaps.add((at - last) / 1e6);
                longestCpu = Math.max(longestCpu, (cpu - lastCpu) / 1e6);
            }
            last = at;
            lastCpu = cpu;
        }

        void reset() {
            gaps.clear();
            last = 0;
            longestCpu = 0;
        }

        /** The most CPU the FX thread spent between two frames: the stall an idle machine would show. */
        double longestCpu() {
            return longestCpu;
        }

        int frames() {
            return gaps.size();
        }

        double longest() {
            return gaps.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        double percentile(double p) {
            List<Double> sorted = gaps.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * p));
        }
    }
}
