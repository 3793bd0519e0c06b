package io.reflex.gui.bench;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.gui.connection.ConnectionTarget;
import io.reflex.gui.connection.LocalEngineTarget;
import io.reflex.gui.demo.DemoData;
import io.reflex.gui.objects.JsonText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import javafx.application.Application;

/**
 * The console's speed figures for bench/console, printed as {@code key value} lines the script reads:
 * <ul>
 *   <li>{@code startup}: the real app on a local engine; prints the wall-clock moment the window is interactive;
 *   <li>{@code load DIR SERVICES INSTANCES}: fills a local engine's data directory once (kept for reruns);
 *   <li>{@code ui DIR}: filter keystroke to updated table, and the longest FX-thread stall under instance updates.
 * </ul>
 */
public final class ConsoleBench {
    private static final String LOADED_MARKER = "bench-loaded";

    private ConsoleBench() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "startup" -> Application.launch(StartupProbe.class);
            case "load" -> load(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "ui" -> Application.launch(UiProbe.class, args[1]);
            default -> throw new IllegalArgumentException("startup | load DIR SERVICES INSTANCES | ui DIR");
        }
    }

    private static void load(Path dataDir, int services, int instances) throws Exception {
        String wanted = services + " " + instances;
        Path marker = dataDir.resolve(LOADED_MARKER);
        if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
            System.out.println("loaded already " + wanted);
            return;
        }
        LocalEngineTarget local = new LocalEngineTarget(dataDir);
        try {
            ConnectionTarget.Opened opened = local.open();
            ReflexClient client = opened.client();
            if (opened.newEngine()) {
                DemoData.load(client);
            }
            long start = System.nanoTime();
            inParallel(services, i -> client.create(ObjectType.SERVICE, ReflexObject.of(JsonText.parseObject(
                    "{\"name\": \"svc-%05d\", \"pipeline\": \"demo-shop\", \"config\": \"demo-tst\", \"lane\": \"%s\"}"
                            .formatted(i, i % 2 == 0 ? "tst" : "prd")))));
            inParallel(instances, i -> ping(client, i, services));
            System.out.printf("load-seconds %.1f%n", (System.nanoTime() - start) / 1e9);
            Files.writeString(marker, wanted);
        } finally {
            local.close();
        }
    }

    /** One instance heartbeat, as a launcher sends it; instance {@code i} belongs to service {@code i % services}. */
    static void ping(ReflexClient client, int i, int services) {
        long now = Instant.now().getEpochSecond();
        client.pingInstance("inst-%05d".formatted(i), ReflexObject.of(JsonText.parseObject("""
                {"service": "svc-%05d", "status": "ok", "address": {"host": "10.%d.%d.%d", "port": 8080},
                 "lifecycle": {"state": "%s", "version": "1.0.%d", "started": %d, "heartbeat": %d}}"""
                .formatted(i % services, i / 65536 % 256, i / 256 % 256, i % 256, i % 7 == 0 ? "starting" : "ready",
                        now % 100, now - 600, now))));
    }

    private static void inParallel(int count, java.util.function.IntConsumer work) throws InterruptedException {
        Semaphore inFlight = new Semaphore(32);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                int index = i;
                threads.submit(() -> {
                    try {
                        work.accept(index);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
    }
}
