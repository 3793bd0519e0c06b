package io.reflex.launcher.proxy;

import io.reflex.launcher.LaunchException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The proxy between a real HTTP client and real backends on loopback: routing, switching, draining, errors. */
@Timeout(60)
class ProxyServerTest {

    private final RecordingLog log = new RecordingLog();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private ProxyServer proxy;

    @BeforeEach
    void startProxy() {
        proxy = ProxyServer.start(ProxySettings.defaults(loopback(0)), log);
    }

    @AfterEach
    void closeAll() {
        proxy.close();
        client.close();
    }

    @Test
    void answers503WithRetryAfterBeforeAnyBackendIsRouted() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("retry-after")).contains("1");
        assertThat(response.body()).contains("starting");
    }

    @Test
    void forwardsToTheRoutedBackendWithForwardedHeaders() throws Exception {
        try (TestBackend one = TestBackend.answering(1)) {
            proxy.routeTo(one.backend());

            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/path?q=1"))
                    .header("X-Forwarded-For", "203.0.113.7").header("Keep-Alive", "timeout=5").build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("color 1");
            TestBackend.Seen seen = one.seen().getFirst();
            assertThat(seen.path()).isEqualTo("/path");
            assertThat(seen.headers().getFirst("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
            assertThat(seen.headers().getFirst("X-Forwarded-Proto")).isEqualTo("http");
            assertThat(seen.headers().getFirst("X-Forwarded-Host"))
                    .isEqualTo("127.0.0.1:" + proxy.listenAddress().getPort());
            assertThat(seen.headers().containsKey("Keep-Alive")).isFalse();
            assertThat(proxy.inFlight(one.backend())).isZero();
        }
    }

    @Test
    void reusesBackendConnectionsAcrossRequests() throws Exception {
        try (TestBackend one = TestBackend.answering(1)) {
            proxy.routeTo(one.backend());

            for (int i = 0; i < 5; i++) {
                assertThat(get("/" + i).statusCode()).isEqualTo(200);
            }

            assertThat(one.seen()).hasSize(5);
            assertThat(one.seen().stream().map(TestBackend.Seen::peer).distinct()).hasSize(1);
        }
    }

    @Test
    void switchKeepsRunningRequestsOnTheOldBackendAndDrainsAfterThem() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestBackend one = TestBackend.handling(1, exchange -> {
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                awaitQuietly(release);
            }
            TestBackend.reply(exchange, 200, "color 1");
        }); TestBackend two = TestBackend.answering(2)) {
            proxy.routeTo(one.backend());
            assertThat(get("/warm").body()).isEqualTo("color 1");
            CompletableFuture<HttpResponse<String>> slow = client.sendAsync(HttpRequest.newBuilder(uri("/slow"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.inFlight(one.backend()) == 1);

            proxy.routeTo(two.backend());
            CompletableFuture<Void> drained = proxy.drained(one.backend());

            assertThat(get("/after").body()).isEqualTo("color 2");
            assertThat(proxy.current()).contains(two.backend());
            assertThat(drained).isNotDone();
            release.countDown();
            assertThat(slow.get(30, TimeUnit.SECONDS).body()).isEqualTo("color 1");
            drained.get(30, TimeUnit.SECONDS);
            assertThat(proxy.inFlight(one.backend())).isZero();
            assertThat(proxy.drained(two.backend())).isNotDone();
        }
    }

    @Test
    void answers502AndLogsWhenTheBackendRefusesConnections() throws Exception {
        proxy.routeTo(new Backend(3, loopback(freePort())));

        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("not reachable");
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("cannot connect to color 3"));
        assertThat(proxy.inFlight(new Backend(3, loopback(1)))).isZero();
    }

    @Test
    void answers431WhenTheHeadersAreTooLarge() throws Exception {
        try (TestBackend one = TestBackend.answering(1)) {
            proxy.routeTo(one.backend());

            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/"))
                    .header("X-Big", "x".repeat(20_000)).build());

            assertThat(response.statusCode()).isEqualTo(431);
            assertThat(one.seen()).isEmpty();
        }
    }

    @Test
    void refusesToStartOnAnAddressInUseNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> ProxyServer.start(ProxySettings.defaults(loopback(taken.getLocalPort())), log))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + proxy.listenAddress().getPort() + path);
    }

    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
