package io.reflex.launcher.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where new requests go and what each backend still has in flight. The switch is one reference swap, and taking a
 * backend is lock-free: count first, then confirm the backend is still current, so a drain that sees zero can
 * never be followed by a request sent to the drained backend.
 */
final class Routing {

    private final AtomicReference<Backend> current = new AtomicReference<>();
    private final Map<Backend, Traffic> traffic = new ConcurrentHashMap<>();

    /** In-flight count of one backend plus the drain futures waiting on it. */
    private static final class Traffic {
        final AtomicInteger inFlight = new AtomicInteger();
        final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    }

    void routeTo(Backend backend) {
        Backend previous = current.getAndSet(backend);
        if (previous != null && !previous.equals(backend)) {
            checkDrained(previous);
        }
    }

    /** Sends nothing anywhere any more: what {@link ProxyServer#close()} waits on before closing connections. */
    Optional<Backend> stop() {
        Backend previous = current.getAndSet(null);
        if (previous != null) {
            checkDrained(previous);
        }
        return Optional.ofNullable(previous);
    }

    Optional<Backend> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Counts one exchange on the current backend and returns it, or empty when nothing is routed. The caller must
     * {@link #release} what it acquired exactly once.
     */
    Optional<Backend> acquire() {
        while (true) {
            Backend backend = current.get();
            if (backend == null) {
                return Optional.empty();
            }
            traffic(backend).inFlight.incrementAndGet();
            if (backend.equals(current.get())) {
                return Optional.of(backend);
            }
            release(backend);
        }
    }

    void release(Backend backend) {
        if (traffic(backend).inFlight.decrementAndGet() == 0) {
            checkDrained(backend);
        }
    }

    int inFlight(Backend backend) {
        Traffic entry = traffic.get(backend);
        return entry == null ? 0 : entry.inFlight.get();
    }

    CompletableFuture<Void> drained(Backend backend) {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        Traffic entry = traffic(backend);
        synchronized (entry) {
            entry.waiting.add(drained);
        }
        checkDrained(backend);
        return drained;
    }

    /** Every backend that has ever been routed to (a few per redeploy, kept for their counts). */
    List<Backend> known() {
        return List.copyOf(traffic.keySet());
    }

    private Traffic traffic(Backend backend) {
        return traffic.computeIfAbsent(backend, ignored -> new Traffic());
    }

    private void checkDrained(Backend backend) {
        Traffic entry = traffic(backend);
        List<CompletableFuture<Void>> done;
        synchronized (entry) {
            if (backend.equals(current.get()) || entry.inFlight.get() != 0 || entry.waiting.isEmpty()) {
                return;
            }
            done = List.copyOf(entry.waiting);
            entry.waiting.clear();
        }
        done.forEach(future -> future.complete(null));
    }
}
