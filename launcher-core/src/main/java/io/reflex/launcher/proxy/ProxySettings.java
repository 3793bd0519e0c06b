package io.reflex.launcher.proxy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the proxy listens and how long it waits. The defaults follow nginx's proxy defaults where one exists, so the
 * proxy behaves like the front end most apps were already tested behind.
 *
 * @param listen         the public address
 * @param connectTimeout how long a connection to a backend may take before the client gets 502
 * @param idleTimeout    how long a connection (client or backend) may stay without traffic; upgraded connections
 *                       are exempt, since WebSocket apps often stay quiet for minutes
 * @param closeGrace     how long {@link ProxyServer#close()} lets running exchanges finish
 * @param maxHeaderSize  the largest request header block accepted; larger ones get 431
 */
public record ProxySettings(InetSocketAddress listen, Duration connectTimeout, Duration idleTimeout,
                            Duration closeGrace, int maxHeaderSize) {

    public ProxySettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(closeGrace, "closeGrace");
        if (maxHeaderSize < 1024) {
            throw new IllegalArgumentException("maxHeaderSize must be at least 1024 bytes, was " + maxHeaderSize);
        }
    }

    /** 5 s to connect, 60 s idle, 5 s grace at close, 16 KiB of headers. */
    public static ProxySettings defaults(InetSocketAddress listen) {
        return new ProxySettings(listen, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(5),
                16 * 1024);
    }

    public ProxySettings withIdleTimeout(Duration timeout) {
        return new ProxySettings(listen, connectTimeout, timeout, closeGrace, maxHeaderSize);
    }

    public ProxySettings withConnectTimeout(Duration timeout) {
        return new ProxySettings(listen, timeout, idleTimeout, closeGrace, maxHeaderSize);
    }

    public ProxySettings withCloseGrace(Duration grace) {
        return new ProxySettings(listen, connectTimeout, idleTimeout, grace, maxHeaderSize);
    }
}
