package io.reflex.launcher.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP backend on a random loopback port (the JDK's server), standing in for one color of the app. By
 * default it answers {@code color N} and records each request it saw.
 */
final class TestBackend implements AutoCloseable {

    /** What the backend saw of one request. */
    record Seen(String method, String path, com.sun.net.httpserver.Headers headers, InetSocketAddress peer) {
    }

    private final HttpServer server;
    private final Backend backend;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private TestBackend(int color, HttpHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), exchange.getRemoteAddress()));
            handler.handle(exchange);
        });
        server.start();
        backend = new Backend(color, server.getAddress());
    }

    static TestBackend answering(int color) {
        return new TestBackend(color, exchange -> reply(exchange, 200, "color " + color));
    }

    static TestBackend handling(int color, HttpHandler handler) {
        return new TestBackend(color, handler);
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    Backend backend() {
        return backend;
    }

    List<Seen> seen() {
        return seen;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
