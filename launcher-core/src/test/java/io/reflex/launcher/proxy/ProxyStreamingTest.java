package io.reflex.launcher.proxy;

import io.reflex.launcher.log.RecordingLog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.reflex.launcher.proxy.RawBackend.readHead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bodies streamed through the proxy over real sockets: nothing is aggregated, and a slow side holds the fast one
 * back instead of the proxy buffering. The bounds are wide (kernel buffers on loopback grow to tens of MB) and
 * hold for any scheduling; what they rule out is the proxy reading a whole body ahead of the receiver.
 */
@Timeout(120)
class ProxyStreamingTest {

    private static final long LARGE = 160L * 1024 * 1024;
    /** Socket buffers of the proxy (autotuned up to 32 MB on receive) plus its own write queue, with room. */
    private static final long HELD_BACK = 48L * 1024 * 1024;
    private static final int MB = 1024 * 1024;

    private final RecordingLog log = new RecordingLog();
    private ProxyServer proxy;

    @BeforeEach
    void startProxy() {
        proxy = ProxyServer.start(ProxySettings.defaults(ProxyServerTest.loopback(0)), log);
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void chunkedBodiesStreamBothWaysPieceByPiece() throws Exception {
        try (RawBackend backend = new RawBackend(1, (socket, index) -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            readHead(in);
            Chunked request = new Chunked(in);
            request.readUntil("ping 1\n");
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(Chunked.chunk("pong 1\n"));
            out.flush();
            request.readUntil("ping 2\n");
            request.readToEnd();
            out.write(Chunked.chunk("pong 2\n"));
            out.write(Chunked.last());
            out.flush();
        }); Socket client = connect()) {
            proxy.routeTo(backend.backend());
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();

            out.write(("POST /echo HTTP/1.1\r\nHost: app\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(Chunked.chunk("ping 1\n"));
            out.flush();
            assertThat(readHead(in)).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
            Chunked response = new Chunked(in);
            assertThat(response.readUntil("pong 1\n")).isEqualTo("pong 1\n");
            out.write(Chunked.chunk("ping 2\n"));
            out.write(Chunked.last());
            out.flush();

            assertThat(response.readToEnd()).isEqualTo("pong 2\n");
        }
    }

    @Test
    void largeUploadStreamsAndWaitsForTheBackendToRead() throws Exception {
        AtomicLong received = new AtomicLong();
        CountDownLatch resume = new CountDownLatch(1);
        try (RawBackend backend = new RawBackend(1, (socket, index) -> {
            InputStream in = socket.getInputStream();
            readHead(in);
            received.addAndGet(RawBackend.skip(in, MB));
            resume.await(60, TimeUnit.SECONDS);
            received.addAndGet(RawBackend.skip(in, LARGE - MB));
            byte[] body = ("received " + received.get()).getBytes(StandardCharsets.US_ASCII);
            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
        }); Socket client = connect()) {
            proxy.routeTo(backend.backend());
            AtomicLong sent = new AtomicLong();
            Thread sender = Thread.ofVirtual().start(() -> send(client, LARGE, sent));

            await().atMost(Duration.ofSeconds(60)).until(() -> received.get() == MB);
            assertThat(sent.get()).as("the client is still sending when the backend has the first MB")
                    .isLessThan(LARGE);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                    .until(() -> sent.get() <= received.get() + HELD_BACK);
            resume.countDown();
            sender.join(Duration.ofSeconds(60));

            assertThat(readHead(client.getInputStream())).startsWith("HTTP/1.1 200");
            assertThat(new String(client.getInputStream().readNBytes(("received " + LARGE).length()),
                    StandardCharsets.US_ASCII)).isEqualTo("received " + LARGE);
            assertThat(sent.get()).isEqualTo(LARGE);
        }
    }

    @Test
    void largeDownloadStreamsAtTheClientsPace() throws Exception {
        AtomicLong written = new AtomicLong();
        try (RawBackend backend = new RawBackend(1, (socket, index) -> {
            readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + LARGE + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            while (written.get() < LARGE) {
                out.write(block);
                written.addAndGet(block.length);
            }
        }); Socket client = connect()) {
            proxy.routeTo(backend.backend());
            client.getOutputStream().write("GET /big HTTP/1.1\r\nHost: app\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            assertThat(readHead(in)).contains("Content-Length: " + LARGE);

            long read = RawBackend.skip(in, MB);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                    .until(() -> written.get() <= read + HELD_BACK);
            long rest = RawBackend.skip(in, LARGE - read);

            assertThat(read + rest).isEqualTo(LARGE);
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.inFlight(backend.backend()) == 0);
        }
    }

    @Test
    void backendResetMidResponseClosesTheClientConnection() throws Exception {
        try (RawBackend backend = new RawBackend(4, (socket, index) -> {
            readHead(socket.getInputStream());
            socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoLinger(true, 0);
        }); Socket client = connect()) {
            proxy.routeTo(backend.backend());
            client.getOutputStream().write("GET / HTTP/1.1\r\nHost: app\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();

            assertThat(readHead(in)).startsWith("HTTP/1.1 200");
            assertThat(readUntilClosed(in)).isLessThan(1000);
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.inFlight(backend.backend()) == 0);
            assertThat(log.lines()).anySatisfy(line -> assertThat(line)
                    .contains("color 4").contains("in the middle of the response"));
        }
    }

    @Test
    void clientGoneMidUploadClosesTheBackendConnectionAndReleasesTheCount() throws Exception {
        AtomicLong received = new AtomicLong(-1);
        try (RawBackend backend = new RawBackend(1, (socket, index) -> {
            InputStream in = socket.getInputStream();
            readHead(in);
            received.set(RawBackend.skip(in, 10L * MB));
        })) {
            proxy.routeTo(backend.backend());
            try (Socket client = connect()) {
                OutputStream out = client.getOutputStream();
                out.write(("POST /upload HTTP/1.1\r\nHost: app\r\nContent-Length: " + 10 * MB + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[100 * 1024]);
                out.flush();
                await().atMost(Duration.ofSeconds(30)).until(() -> proxy.inFlight(backend.backend()) == 1);
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> received.get() >= 0);
            assertThat(received.get()).isLessThan(10L * MB);
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.inFlight(backend.backend()) == 0);
        }
    }

    @Test
    void pooledConnectionClosedByTheBackendAsARequestArrivesIsRetriedOnAFreshOne() throws Exception {
        try (RawBackend backend = new RawBackend(1, (socket, index) -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            readHead(in);
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (index == 0) {
                readHead(in);
            }
        }); Socket client = connect()) {
            proxy.routeTo(backend.backend());
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();

            out.write("GET /1 HTTP/1.1\r\nHost: app\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(in)).startsWith("HTTP/1.1 200");
            assertThat(in.readNBytes(5)).asString(StandardCharsets.US_ASCII).isEqualTo("first");
            out.write("GET /2 HTTP/1.1\r\nHost: app\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(readHead(in)).startsWith("HTTP/1.1 200");
            assertThat(in.readNBytes(5)).asString(StandardCharsets.US_ASCII).isEqualTo("first");
            assertThat(backend.accepted()).isEqualTo(2);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (TestBackend one = TestBackend.handling(1, exchange -> TestBackend.reply(exchange, 200,
                exchange.getRequestURI().getPath())); Socket client = connect()) {
            proxy.routeTo(one.backend());
            client.getOutputStream().write(("GET /first HTTP/1.1\r\nHost: app\r\n\r\n"
                    + "GET /second HTTP/1.1\r\nHost: app\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();

            assertThat(readHead(in)).containsIgnoringCase("content-length: 6");
            assertThat(in.readNBytes(6)).asString(StandardCharsets.US_ASCII).isEqualTo("/first");
            assertThat(readHead(in)).containsIgnoringCase("content-length: 7");
            assertThat(in.readNBytes(7)).asString(StandardCharsets.US_ASCII).isEqualTo("/second");
        }
    }

    @Test
    void responseToHeadHasNoBodyAndTheConnectionCarriesOn() throws Exception {
        try (RawBackend backend = new RawBackend(1, (socket, index) -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            readHead(in);
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readHead(in);
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }); Socket client = connect()) {
            proxy.routeTo(backend.backend());
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();

            out.write("HEAD / HTTP/1.1\r\nHost: app\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(in)).contains("Content-Length: 5");
            out.write("GET / HTTP/1.1\r\nHost: app\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(readHead(in)).startsWith("HTTP/1.1 200");
            assertThat(in.readNBytes(5)).asString(StandardCharsets.US_ASCII).isEqualTo("hello");
            assertThat(backend.accepted()).isEqualTo(1);
        }
    }

    @Test
    void http10ClientGetsAChunkedBodyUnchunkedAndTheConnectionClosed() throws Exception {
        try (RawBackend backend = new RawBackend(1, (socket, index) -> {
            readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(Chunked.chunk("old "));
            out.write(Chunked.chunk("client"));
            out.write(Chunked.last());
            out.flush();
        }); Socket client = connect()) {
            proxy.routeTo(backend.backend());
            client.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();

            assertThat(readHead(in)).containsIgnoringCase("connection: close")
                    .doesNotContainIgnoringCase("transfer-encoding");
            assertThat(in.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("old client");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(RawBackend.SOCKET_BUFFER);
        socket.setSendBufferSize(RawBackend.SOCKET_BUFFER);
        socket.connect(proxy.listenAddress(), 10_000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static void send(Socket client, long length, AtomicLong sent) {
        try {
            OutputStream out = client.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: app\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            while (sent.get() < length) {
                out.write(block);
                sent.addAndGet(block.length);
            }
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long readUntilClosed(InputStream in) {
        long read = 0;
        try {
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException reset) {
            return read;
        }
        return read;
    }
}
