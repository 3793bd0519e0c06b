package io.reflex.gui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP forward proxy on a random port, enough for plain-HTTP engine calls: it wants basic credentials
 * (407 without them), rewrites the absolute request URI to a path, forwards with {@code Connection: close} and
 * copies the answer back. It records each request line so a test can see the calls went through it.
 */
final class ForwardProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expectedAuthorization;
    private final List<String> forwarded = new CopyOnWriteArrayList<>();

    ForwardProxy(String expectedAuthorization) throws IOException {
        this.expectedAuthorization = expectedAuthorization;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Request lines forwarded so far, such as {@code GET http://127.0.0.1:1234/api/v1/... HTTP/1.1}. */
    List<String> forwarded() {
        return forwarded;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String[] head = readHead(in).split("\r\n");
            String[] requestLine = head[0].split(" ");
            StringBuilder headers = new StringBuilder();
            boolean authorized = false;
            int bodyLength = 0;
            for (int i = 1; i < head.length; i++) {
                String lower = head[i].toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("proxy-authorization:")) {
                    authorized = head[i].substring(head[i].indexOf(':') + 1).strip().equals(expectedAuthorization);
                } else if (!lower.startsWith("connection:") && !lower.startsWith("proxy-connection:")) {
                    headers.append(head[i]).append("\r\n");
                }
                if (lower.startsWith("content-length:")) {
                    bodyLength = Integer.parseInt(head[i].substring(15).strip());
                }
            }
            byte[] body = in.readNBytes(bodyLength);
            OutputStream out = client.getOutputStream();
            if (!authorized) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            forwarded.add(head[0]);
            URI target = URI.create(requestLine[1]);
            try (Socket engine = new Socket(target.getHost(), target.getPort())) {
                String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                engine.getOutputStream().write((requestLine[0] + " " + path + " " + requestLine[2] + "\r\n" + headers
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                engine.getOutputStream().write(body);
                engine.getInputStream().transferTo(out);
            }
        } catch (IOException e) {
            // the client went away; the test sees the failure on its side
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request cut short");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
