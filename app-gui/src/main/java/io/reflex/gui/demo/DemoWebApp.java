package io.reflex.gui.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The demo service the console runs through the embedded launcher: a small real HTTP app, so a local run, the
 * launcher's proxy and a redeploy have something that answers. It listens on 127.0.0.1:{@code PORT} (the launcher
 * chooses the port of each color), answers {@code /health} once started, and on {@code /} says which service,
 * config and process answered. SIGTERM stops it after at most
 * two seconds for the requests in flight (the JVM then exits 143, which the demo pipeline lists in {@code cleanExit}).
 */
public final class DemoWebApp {
    private DemoWebApp() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        String started = Instant.now().toString();
        server.createContext("/health", exchange -> answer(exchange, "ok\n"));
        server.createContext("/", exchange -> answer(exchange, """
                {"service": "%s", "lane": "%s", "log-level": "%s", "pid": %d, "port": %d, "started": "%s"}
                """.formatted(env.getOrDefault("APP_SERVICE", "demo-web"), env.getOrDefault("DB_HOST", ""),
                env.getOrDefault("LOG_LEVEL", ""), ProcessHandle.current().pid(), port, started)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(2);
            stopped.countDown();
        }));
        server.start();
        System.getLogger("demo-web").log(System.Logger.Level.INFO, "demo web app listening on 127.0.0.1:" + port);
        stopped.await();
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
