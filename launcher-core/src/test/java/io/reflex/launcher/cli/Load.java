package io.reflex.launcher.cli;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Constant load on the proxy: a few threads sending {@code GET /} back to back, counting every outcome. */
final class Load implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger ok = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> bodies = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    static Load start(int port, int threads) {
        Load load = new Load();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < threads; i++) {
            load.threads.add(Thread.ofPlatform().daemon().start(() -> load.run(request)));
        }
        return load;
    }

    private void run(HttpRequest request) {
        while (running.get()) {
            try {
                HttpResponse<String> response = RedeployFixture.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    ok.incrementAndGet();
                    bodies.merge(response.body(), 1, Integer::sum);
                } else {
                    failed(response.statusCode() + " " + response.body());
                }
            } catch (Exception e) {
                failed(e.toString());
            }
        }
    }

    private synchronized void failed(String what) {
        failures.add(what);
    }

    int ok() {
        return ok.get();
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    Map<String, Integer> bodies() {
        return Map.copyOf(bodies);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(40));
        }
    }
}
