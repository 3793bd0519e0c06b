package io.reflex.launcher.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend speaking HTTP by hand over plain sockets, for what a real app does but a well-behaved server
 * library will not do on demand: stop reading, reset a connection mid-response, close a kept-alive connection as
 * a request arrives. Each accepted connection runs its conversation on a virtual thread.
 */
final class RawBackend implements AutoCloseable {

    /** What the backend does with its {@code index}-th accepted connection (0 first). */
    interface Conversation {
        void run(Socket socket, int index) throws Exception;
    }

    /** Small buffers on the backend's sockets, so what the proxy holds back is not hidden in kernel buffers. */
    static final int SOCKET_BUFFER = 64 * 1024;

    private final ServerSocket server;
    private final Backend backend;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    RawBackend(int color, Conversation conversation) {
        try {
            server = new ServerSocket();
            server.setReceiveBufferSize(SOCKET_BUFFER);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        backend = new Backend(color, (InetSocketAddress) server.getLocalSocketAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    socket.setSendBufferSize(SOCKET_BUFFER);
                    int index = accepted.getAndIncrement();
                    Thread.ofVirtual().start(() -> {
                        try (socket) {
                            conversation.run(socket, index);
                        } catch (Exception e) {
                            failures.add(e);
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    Backend backend() {
        return backend;
    }

    int accepted() {
        return accepted.get();
    }

    /** What the conversations threw (a peer closing mid-read shows up here). */
    List<Throwable> failures() {
        return failures;
    }

    /** Reads one request or response head, up to and including the blank line. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the head after: " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads exactly {@code count} bytes and drops them; returns how many came before the stream ended. */
    static long skip(InputStream in, long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        while (read < count) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, count - read));
            if (n < 0) {
                return read;
            }
            read += n;
        }
        return read;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
