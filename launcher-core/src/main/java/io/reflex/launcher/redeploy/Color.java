package io.reflex.launcher.redeploy;

import io.reflex.launcher.instance.ColorReport;
import io.reflex.launcher.lifecycle.ProcessComponent;
import io.reflex.launcher.nativeos.ExitStatus;
import io.reflex.launcher.proxy.Backend;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** One app process of the service on its private port, and where it is in its life. */
final class Color {

    enum State { STARTING, READY, DRAINING, STOPPING, STOPPED, FAILED }

    private final int number;
    private final int port;
    private final String version;
    private final ProcessComponent process;
    private final CompletableFuture<ExitStatus> exit;
    private volatile State state = State.STARTING;
    /** Counts the times this color began draining; a drain that is no longer the latest must not stop it. */
    private int drains;

    private Color(int number, int port, String version, ProcessComponent process, CompletableFuture<ExitStatus> exit) {
        this.number = number;
        this.port = port;
        this.version = version;
        this.process = process;
        this.exit = exit;
    }

    /** @throws RuntimeException when the program cannot be started */
    static Color start(int number, int port, String version, ProcessComponent process) {
        return new Color(number, port, version, process, process.start());
    }

    int number() {
        return number;
    }

    Backend backend() {
        return new Backend(number, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    int port() {
        return port;
    }

    CompletableFuture<ExitStatus> exit() {
        return exit;
    }

    State state() {
        return state;
    }

    void state(State next) {
        state = next;
    }

    synchronized int beginDrain() {
        state = State.DRAINING;
        return ++drains;
    }

    synchronized boolean isLatestDrain(int drain) {
        return drains == drain && state == State.DRAINING;
    }

    void signal(int signal) {
        process.signal(signal);
    }

    /** Stop hook, SIGTERM, the grace period, SIGKILL; returns once the process has ended. */
    void stop() {
        process.stop();
    }

    String name() {
        return "color " + number;
    }

    ColorReport report() {
        return new ColorReport(number, state.name().toLowerCase(Locale.ROOT), port, version,
                process.pid().orElse(0));
    }
}
