package io.reflex.launcher.proxy;

import io.reflex.launcher.log.RecordingLog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Upgraded connections, timeouts and closing the proxy, against real servers and clients. */
@Timeout(60)
class ProxyUpgradeAndLifecycleTest {

    private final RecordingLog log = new RecordingLog();

    @Test
    void webSocketEchoesThroughTheProxyAndCountsInFlightUntilClosed() throws Exception {
        try (ProxyServer proxy = ProxyServer.start(ProxySettings.defaults(ProxyServerTest.loopback(0)), log);
             WebSocketEchoBackend echo = new WebSocketEchoBackend(1);
             TestBackend two = TestBackend.answering(2);
             HttpClient client = HttpClient.newHttpClient()) {
            proxy.routeTo(echo.backend());
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = client.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + proxy.listenAddress().getPort() + "/ws"),
                            new Collecting(received))
                    .get(30, TimeUnit.SECONDS);

            socket.sendText("hello", true).get(30, TimeUnit.SECONDS);
            assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo("echo hello");
            assertThat(proxy.inFlight(echo.backend())).isEqualTo(1);

            proxy.routeTo(two.backend());
            CompletableFuture<Void> drained = proxy.drained(echo.backend());
            socket.sendText("still here", true).get(30, TimeUnit.SECONDS);
            assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo("echo still here");
            assertThat(drained).isNotDone();

            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(30, TimeUnit.SECONDS);
            drained.get(30, TimeUnit.SECONDS);
            assertThat(proxy.inFlight(echo.backend())).isZero();
        }
    }

    @Test
    void answers504WhenTheBackendStaysSilentPastTheIdleTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        ProxySettings settings = ProxySettings.defaults(ProxyServerTest.loopback(0))
                .withIdleTimeout(Duration.ofSeconds(1));
        try (ProxyServer proxy = ProxyServer.start(settings, log);
             RawBackend silent = new RawBackend(5, (socket, index) -> {
                 RawBackend.readHead(socket.getInputStream());
                 never.await(60, TimeUnit.SECONDS);
             });
             HttpClient client = HttpClient.newHttpClient()) {
            proxy.routeTo(silent.backend());

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + proxy.listenAddress().getPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(proxy.inFlight(silent.backend())).isZero();
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("color 5").contains("504"));
            never.countDown();
        }
    }

    @Test
    void closeLetsARunningRequestFinishAndStopsAccepting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ProxySettings settings = ProxySettings.defaults(ProxyServerTest.loopback(0))
                .withCloseGrace(Duration.ofSeconds(30));
        ProxyServer proxy = ProxyServer.start(settings, log);
        try (TestBackend one = TestBackend.handling(1, exchange -> {
            ProxyServerTest.awaitQuietly(release);
            TestBackend.reply(exchange, 200, "finished");
        }); HttpClient client = HttpClient.newHttpClient()) {
            proxy.routeTo(one.backend());
            CompletableFuture<HttpResponse<String>> running = client.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + proxy.listenAddress().getPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.inFlight(one.backend()) == 1);

            CompletableFuture<Void> closed = CompletableFuture.runAsync(proxy::close);
            int port = proxy.listenAddress().getPort();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                            .isInstanceOf(ConnectException.class));
            assertThat(closed).isNotDone();
            release.countDown();

            assertThat(running.get(30, TimeUnit.SECONDS).body()).isEqualTo("finished");
            closed.get(30, TimeUnit.SECONDS);
        } finally {
            proxy.close();
        }
    }

    /** Collects text messages; each callback asks for the next one. */
    private record Collecting(BlockingQueue<String> received) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received.add(data.toString());
            webSocket.request(1);
            return null;
        }
    }
}
