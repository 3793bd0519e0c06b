package io.reflex.launcher.lifecycle;

import io.reflex.launcher.instance.Heartbeat;
import io.reflex.launcher.instance.LifecycleState;
import io.reflex.launcher.nativeos.ExitStatus;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The instance heartbeat as a component: started first so the console sees "starting", stopped last. */
public final class HeartbeatComponent implements Component {

    private final Heartbeat heartbeat;

    public HeartbeatComponent(Heartbeat heartbeat) {
        this.heartbeat = heartbeat;
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
        if (heartbeat.state() != LifecycleState.FAILED) {
            heartbeat.update(LifecycleState.STOPPED);
        }
        heartbeat.close();
    }
}
