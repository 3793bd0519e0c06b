package io.reflex.launcher.lifecycle;

import io.reflex.launcher.instance.Heartbeat;
import io.reflex.launcher.instance.LifecycleState;
import io.reflex.launcher.nativeos.ExitStatus;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The instance heartbeat as a component: started first so the console sees "starting", stopped last. */
public final class HeartbeatComponent implements Component {

    private final Heartbeat heartbeat;
    private final Supplier<Optional<Failure>> failure;

    /** @param failure the controller's first error, read at stop time to report {@code failed} or {@code stopped} */
    public HeartbeatComponent(Heartbeat heartbeat, Supplier<Optional<Failure>> failure) {
        this.heartbeat = heartbeat;
        this.failure = failure;
    }

    @Override
    public String name() {
        return "heartbeat";
    }

    @Override
    public CompletableFuture<ExitStatus> start() {
        heartbeat.update(LifecycleState.PREPARING);
        return new CompletableFuture<>();
    }

    @Override
    public Optional<Readiness> readiness() {
        return Optional.empty();
    }

    @Override
    public void stop() {
        heartbeat.update(failure.get().isPresent() ? LifecycleState.FAILED : LifecycleState.STOPPED);
        heartbeat.close();
    }
}
