package io.reflex.launcher.lifecycle;

import io.reflex.launcher.nativeos.ExitStatus;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One running part of a supervised service (the app, a sidecar, the heartbeat), after launch-control: started in
 * order, stopped in reverse, and a component that ends by itself makes the whole service shut down so a fresh
 * one can take its place.
 */
public interface Component {

    String name();

    /** Starts it; the future completes when it ends on its own (never, for start/stop-style components). */
    CompletableFuture<ExitStatus> start();

    /** How to tell it is ready; without one it is ready as soon as it started. */
    Optional<Readiness> readiness();

    /** Runs its stop hook, stops it and waits until it has ended. Called for every started component. */
    void stop();
}
