package io.reflex.launcher.lifecycle;

import io.reflex.launcher.nativeos.ChildProcesses;
import io.reflex.launcher.nativeos.ExitStatus;
import io.reflex.launcher.nativeos.NativeChild;
import io.reflex.launcher.nativeos.SpawnRequest;

import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;

/**
 * The three readiness questions a pipeline can ask: an HTTP path answers 2xx, a TCP port accepts, a command exits
 * 0. The JDK's plain {@link HttpURLConnection} is enough here and keeps OkHttp off the start path.
 */
public final class Probes {

    private Probes() {
    }

    public static Probe http(String url) {
        return http(url, status -> status >= 200 && status < 300);
    }

    /** The redeploy proxy's health check: one exact status, as {@code proxy.expect} says. */
    public static Probe http(String url, int expectedStatus) {
        return http(url, status -> status == expectedStatus);
    }

    private static Probe http(String url, IntPredicate ready) {
        return timeout -> {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            try {
                return ready.test(connection.getResponseCode());
            } finally {
                connection.disconnect();
            }
        };
    }

    public static Probe tcp(String host, int port) {
        return timeout -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                return true;
            }
        };
    }

    /** Spawned through the supervisor's own layer, never ProcessBuilder (see {@link ChildProcesses}). */
    public static Probe command(ChildProcesses processes, SpawnRequest request) {
        return timeout -> {
            NativeChild child = processes.spawn(request);
            try {
                ExitStatus status = child.exit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return status.success();
            } catch (TimeoutException e) {
                processes.signal(child.pid(), 9);
                return false;
            }
        };
    }
}
