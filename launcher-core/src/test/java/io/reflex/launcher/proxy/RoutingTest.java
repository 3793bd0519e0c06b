package io.reflex.launcher.proxy;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The switch and the drain bookkeeping, including the race between a request starting and a switch. */
@Timeout(60)
class RoutingTest {

    private static final Backend ONE = new Backend(1, InetSocketAddress.createUnresolved("127.0.0.1", 1001));
    private static final Backend TWO = new Backend(2, InetSocketAddress.createUnresolved("127.0.0.1", 1002));

    private final Routing routing = new Routing();

    @Test
    void nothingIsAcquiredBeforeTheFirstRoute() {
        assertThat(routing.acquire()).isEmpty();
        assertThat(routing.current()).isEmpty();
    }

    @Test
    void drainedWaitsForTheSwitchAndForTheLastRequest() {
        routing.routeTo(ONE);
        assertThat(routing.acquire()).contains(ONE);
        CompletableFuture<Void> drained = routing.drained(ONE);
        assertThat(drained).isNotDone();

        routing.routeTo(TWO);
        assertThat(drained).isNotDone();
        assertThat(routing.inFlight(ONE)).isEqualTo(1);
        assertThat(routing.acquire()).contains(TWO);

        routing.release(ONE);
        assertThat(drained).isCompleted();
        assertThat(routing.drained(TWO)).isNotDone();
    }

    @Test
    void aBackendThatIsNotCurrentAndIdleIsDrainedAtOnce() {
        routing.routeTo(TWO);
        assertThat(routing.drained(ONE)).isCompleted();
    }

    @Test
    void stopDrainsTheLastBackendAndRoutesNothing() {
        routing.routeTo(ONE);
        CompletableFuture<Void> drained = routing.drained(ONE);

        assertThat(routing.stop()).contains(ONE);

        assertThat(drained).isCompleted();
        assertThat(routing.acquire()).isEmpty();
    }

    @RepeatedTest(20)
    void noRequestIsSentToABackendWhoseDrainHasCompleted() throws Exception {
        routing.routeTo(ONE);
        AtomicReference<CompletableFuture<Void>> drainedOne = new AtomicReference<>(new CompletableFuture<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger violations = new AtomicInteger();
        AtomicInteger acquiredOne = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    Backend backend = routing.acquire().orElseThrow();
                    if (backend.equals(ONE)) {
                        acquiredOne.incrementAndGet();
                        if (drainedOne.get().isDone()) {
                            violations.incrementAndGet();
                        }
                    }
                    routing.release(backend);
                }
            }));
        }
        while (acquiredOne.get() < 1000) {
            Thread.onSpinWait();
        }

        routing.routeTo(TWO);
        drainedOne.set(routing.drained(ONE));
        drainedOne.get().get(30, TimeUnit.SECONDS);
        int afterDrain = acquiredOne.get();
        while (routing.inFlight(TWO) == 0 && acquiredOne.get() == afterDrain) {
            Thread.onSpinWait();
        }
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(violations).hasValue(0);
        assertThat(routing.inFlight(ONE)).isZero();
        assertThat(routing.inFlight(TWO)).isZero();
    }
}
