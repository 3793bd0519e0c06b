package io.reflex.launcher.redeploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A private loopback port for the next color. The launcher binds it (the kernel picks a free one) and holds it
 * until the moment before it starts the color, so no other color or launcher can be handed the same port; the
 * short window between closing and the app's own bind is covered by the readiness check: an app that cannot bind
 * exits or never answers, and the old color keeps serving.
 */
final class PortReservation implements AutoCloseable {

    private final ServerSocket socket;

    private PortReservation(ServerSocket socket) {
        this.socket = socket;
    }

    static PortReservation loopback() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new PortReservation(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reserve a loopback port: " + e.getMessage(), e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Hands the port over: called right before the color starts. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
