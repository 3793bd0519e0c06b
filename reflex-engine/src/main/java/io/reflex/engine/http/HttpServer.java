package io.reflex.engine.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reflex.engine.threads.EngineThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's HTTP front: Jetty, one place that turns requests into {@link ApiRequest}s and every outcome into the
 * reference's JSON envelope with the original's headers. No internal error text ever reaches a client.
 *
 * <p>Short requests run on Jetty's pool of platform threads (measured: fewer scheduling stalls than a virtual
 * thread per request under load); each long-lived stream (the watch feed) is handed to its own virtual thread, so
 * thousands of watchers hold no platform thread.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final ObjectMapper BODY_MAPPER = WireJson.pooledMapper()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Map<String, String> COMMON_HEADERS = Map.of(
            "Server", "stack",
            "Allow", "DELETE, GET, HEAD, PATCH, POST, PUT",
            "X-Frame-Options", "DENY",
            "X-Xss-Protection", "1; mode=block",
            "Content-Security-Policy", "default-src='self'",
            "Cache-Control", "no-store");

    private final Server server;
    private final ServerConnector connector;

    /**
     * @param trustForwardedFor whether {@code X-Forwarded-For} names the caller (the original trusted it always)
     */
    public HttpServer(String host, int port, long maxBodyBytes, boolean trustForwardedFor, Dispatcher dispatcher,
            MeterRegistry metrics) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName(EngineThreads.name("http"));
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new ApiHandler(dispatcher, maxBodyBytes, trustForwardedFor, metrics));
        server.setHandler(graceful);
        server.setStopTimeout(10_000);
        server.setStopAtShutdown(false);
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting connections, lets in-flight requests finish (up to 10 s), then closes. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.getMessage());
        }
    }

    private static final class ApiHandler extends Handler.Abstract {

        private final Dispatcher dispatcher;
        private final long maxBodyBytes;
        private final boolean trustForwardedFor;
        private final MeterRegistry metrics;

        ApiHandler(Dispatcher dispatcher, long maxBodyBytes, boolean trustForwardedFor, MeterRegistry metrics) {
            super(InvocationType.BLOCKING);
            this.dispatcher = dispatcher;
            this.maxBodyBytes = maxBodyBytes;
            this.trustForwardedFor = trustForwardedFor;
            this.metrics = metrics;
        }

        @Override
        public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
            long started = System.nanoTime();
            String method = request.getMethod();
            Response answer;
            try {
                answer = dispatcher.dispatch(parse(request));
            } catch (ApiException e) {
                answer = Reply.failed(e.status(), e.clientMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = Reply.failed(503, Optional.of("Server is shutting down"));
            } catch (Exception e) {
                LOG.error("internal error on {} {}", method, Request.getPathInContext(request), e);
                answer = Reply.failed(500, Optional.of("Internal server error"));
            }
            int status = answer instanceof Reply r ? r.status() : 200;
            try {
                switch (answer) {
                    case Reply reply -> write(request, response, callback, reply);
                    case Streaming streaming -> stream(response, callback, streaming);
                }
            } finally {
                long micros = (System.nanoTime() - started) / 1000;
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    LOG.info("request method={} path={} status={} micros={} peer={}", method,
                            Request.getPathInContext(request), status, micros, Request.getRemoteAddr(request));
                } else if (LOG.isDebugEnabled()) {
                    LOG.debug("request method={} path={} status={} micros={} peer={}", method,
                            Request.getPathInContext(request), status, micros, Request.getRemoteAddr(request));
                }
                Timer.builder("reflex.http.requests")
                        .tag("method", method)
                        .tag("status", Integer.toString(status))
                        .register(metrics)
                        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
            return true;
        }

        private ApiRequest parse(Request request) throws IOException {
            String method = request.getMethod().toUpperCase(Locale.ROOT);
            TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (HttpField field : request.getHeaders()) {
                headers.merge(field.getName(), field.getValue(), (a, b) -> a + ", " + b);
            }
            Map<String, String> query = new HashMap<>();
            Fields fields = Request.extractQueryParameters(request);
            for (Fields.Field field : fields) {
                query.put(field.getName(), field.getValue());
            }
            Map<String, String> cookies = new HashMap<>();
            for (HttpCookie cookie : Request.getCookies(request)) {
                cookies.putIfAbsent(cookie.getName(), cookie.getValue());
            }
            Optional<JsonNode> body = Optional.empty();
            if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                body = Optional.of(readJson(request, headers));
            }
            String peer = Request.getRemoteAddr(request);
            return new ApiRequest(method, segments(Request.getPathInContext(request)), query, headers, cookies, body,
                    peer, trustForwardedFor);
        }

        private JsonNode readJson(Request request, Map<String, String> headers) throws IOException {
            String type = headers.getOrDefault("Content-Type", "").toLowerCase(Locale.ROOT);
            String mediaType = type.split(";", 2)[0].strip();
            if (!mediaType.equals("application/json") && !mediaType.equals("text/javascript")) {
                throw new ApiException(415, "Unsupported content type, use application/json");
            }
            if (request.getLength() > maxBodyBytes) {
                throw tooLarge();
            }
            byte[] bytes;
            try (InputStream in = Content.Source.asInputStream(request)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            }
            if (bytes.length > maxBodyBytes) {
                throw tooLarge();
            }
            try {
                JsonNode node = BODY_MAPPER.readTree(bytes);
                if (node == null || node.isMissingNode()) {
                    throw ApiException.badRequest("Invalid JSON document");
                }
                return node;
            } catch (JsonProcessingException e) {
                throw ApiException.badRequest("Invalid JSON document");
            }
        }

        private ApiException tooLarge() {
            return new ApiException(413, "Request body too large (limit " + maxBodyBytes + " bytes)");
        }

        private static List<String> segments(String path) {
            List<String> out = new ArrayList<>();
            for (String part : path.split("/")) {
                if (!part.isEmpty()) {
                    out.add(java.net.URLDecoder.decode(part.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return out;
        }

        private static void write(Request request, org.eclipse.jetty.server.Response response, Callback callback, Reply reply) {
            response.setStatus(reply.status());
            COMMON_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
            if (reply.body().isEmpty()) {
                response.write(true, null, callback);
                return;
            }
            byte[] bytes = WireJson.bytes(reply.body().get());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            if (request.getMethod().equals("HEAD")) {
                response.write(true, null, callback);
            } else {
                response.write(true, ByteBuffer.wrap(bytes), callback);
            }
        }

        private static void stream(org.eclipse.jetty.server.Response response, Callback callback, Streaming streaming) {
            response.setStatus(200);
            COMMON_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, streaming.contentType());
            response.getHeaders().put("X-Accel-Buffering", "no");
            Thread.ofVirtual().name(EngineThreads.name("stream"))
                    .start(() -> writeStream(response, callback, streaming));
        }

        private static void writeStream(org.eclipse.jetty.server.Response response, Callback callback, Streaming streaming) {
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                streaming.writer().writeTo(out);
                callback.succeeded();
            } catch (IOException clientGone) {
                callback.failed(clientGone);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                callback.succeeded();
            } catch (RuntimeException e) {
                LOG.error("stream failed", e);
                callback.failed(e);
            }
        }
    }
}
