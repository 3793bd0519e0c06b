package io.reflex.launcher.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;

/**
 * One request and its response, from the request's head until the response's last byte. It owns the backend
 * connection meanwhile and the backend's in-flight count (or hands both to a {@link Tunnel} after an upgrade).
 * Everything runs on the client's event loop, which is also the backend connection's.
 *
 * <p>Bytes move only as fast as the receiving side takes them: the backend is read again only while the client
 * is writable, and the client only while the backend is.
 */
final class Exchange {

    private final ClientHandler owner;
    private final ProxyContext proxy;
    private final Channel client;
    private final Backend backend;
    private final HttpRequest head;
    private final HttpMethod method;
    private final HttpVersion version;
    private final boolean keepAlive;
    private final boolean upgrade;

    private Channel upstream;
    private UpstreamHandler upstreamHandler;
    private boolean reused;
    private boolean retried;
    private boolean bodyForwarded;
    private boolean requestDone;
    private boolean responseStarted;
    private boolean informational;
    private boolean upgrading;
    private boolean upstreamKeepAlive;
    private boolean clientStaysOpen;
    private boolean ended;

    Exchange(ClientHandler owner, ProxyContext proxy, Channel client, Backend backend, HttpRequest head) {
        this.owner = owner;
        this.proxy = proxy;
        this.client = client;
        this.backend = backend;
        this.head = head;
        this.method = head.method();
        this.version = head.protocolVersion();
        this.keepAlive = HttpUtil.isKeepAlive(head);
        this.upgrade = ForwardingHeaders.isUpgrade(head);
        ForwardingHeaders.toBackend(head, ((InetSocketAddress) client.remoteAddress()).getAddress());
    }

    void start() {
        Channel pooled = proxy.pool().take(client.eventLoop(), backend);
        if (pooled != null) {
            attach(pooled, true);
        } else {
            connect();
        }
    }

    /** Whether request body parts can be written upstream now. */
    boolean canForward() {
        return upstream != null && !ended;
    }

    /** Whether the client should be read: the backend connection is there, wants more, and the body goes on. */
    boolean wantsRequestBytes() {
        return canForward() && !requestDone && upstream.isWritable();
    }

    void forward(HttpContent content) {
        if (content.content().isReadable()
                || content instanceof LastHttpContent last && !last.trailingHeaders().isEmpty()) {
            bodyForwarded = true;
        }
        if (content instanceof LastHttpContent) {
            requestDone = true;
        }
        upstream.write(content, upstream.voidPromise());
    }

    void flushUpstream() {
        if (canForward()) {
            upstream.flush();
        }
    }

    void upstreamRead(Object msg) {
        if (ended) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpResponse response) {
            responseHead(response);
        }
        if (upgrading && msg instanceof LastHttpContent) {
            client.writeAndFlush(msg);
            ended = true;
            upstreamHandler.detach();
            Tunnel.open(client, upstream, backend, proxy.routing());
            return;
        }
        ChannelFuture written = client.write(msg);
        if (msg instanceof LastHttpContent) {
            if (informational) {
                informational = false;
            } else {
                responseEnded(written);
            }
        }
    }

    void upstreamReadComplete() {
        client.flush();
        if (!ended && client.isWritable()) {
            upstream.read();
        }
    }

    void clientWritabilityChanged() {
        if (canForward() && client.isWritable()) {
            upstream.read();
        }
    }

    void upstreamWritabilityChanged() {
        if (canForward() && upstream.isWritable()) {
            owner.resume();
        }
    }

    /**
     * The backend connection closed before the response ended. A pooled connection that dies before answering
     * is the keep-alive race (the backend timed it out as we took it): the request is sent once more on a fresh
     * connection, as long as no body byte went out.
     */
    void upstreamClosed() {
        if (ended) {
            return;
        }
        if (!responseStarted && reused && !retried && !bodyForwarded) {
            retried = true;
            upstream = null;
            connect();
            return;
        }
        if (!responseStarted) {
            proxy.log().info("proxy: color " + backend.color() + " at " + address() + " closed the connection"
                    + " before answering " + method + " " + head.uri() + "; answered 502");
            fail(LocalResponse.BAD_GATEWAY);
            return;
        }
        proxy.log().info("proxy: color " + backend.color() + " at " + address() + " closed the connection in the"
                + " middle of the response to " + method + " " + head.uri() + "; closing the client connection");
        abandon();
        client.close();
    }

    /** The client connection closed: the backend connection cannot be reused mid-exchange. */
    void clientClosed() {
        if (!ended) {
            abandon();
        }
    }

    /** Nothing moved on the client connection for the idle timeout. */
    void idle() {
        if (requestDone && !responseStarted) {
            proxy.log().info("proxy: color " + backend.color() + " at " + address() + " did not answer " + method
                    + " " + head.uri() + " within " + proxy.settings().idleTimeout().toSeconds() + " s; answered 504");
            fail(LocalResponse.GATEWAY_TIMEOUT);
        } else {
            abandon();
            client.close();
        }
    }

    private void connect() {
        proxy.pool().connect(client.eventLoop(), backend).addListener((ChannelFuture connected) -> {
            if (ended) {
                connected.channel().close();
            } else if (connected.isSuccess()) {
                attach(connected.channel(), false);
            } else {
                proxy.log().info("proxy: cannot connect to color " + backend.color() + " at " + address() + ": "
                        + connected.cause().getMessage() + "; answered 502");
                fail(LocalResponse.BAD_GATEWAY);
            }
        });
    }

    private void attach(Channel channel, boolean pooled) {
        upstream = channel;
        upstreamHandler = UpstreamHandler.of(channel);
        reused = pooled;
        upstreamHandler.attach(this);
        channel.write(head);
        if (requestDone) {
            channel.write(LastHttpContent.EMPTY_LAST_CONTENT);
        }
        channel.flush();
        channel.read();
        owner.resume();
    }

    private void responseHead(HttpResponse response) {
        responseStarted = true;
        int status = response.status().code();
        if (status == 101 && upgrade) {
            upgrading = true;
        } else if (status < 200) {
            informational = true;
        } else {
            upstreamKeepAlive = HttpUtil.isKeepAlive(response);
        }
        boolean open = ForwardingHeaders.toClient(response, method, version, keepAlive && !proxy.closing());
        if (!informational && !upgrading) {
            clientStaysOpen = open;
        }
    }

    private void responseEnded(ChannelFuture lastWrite) {
        ended = true;
        proxy.routing().release(backend);
        upstreamHandler.detach();
        if (requestDone && upstreamKeepAlive) {
            proxy.pool().offer(upstream, backend);
        } else {
            upstream.close();
        }
        client.flush();
        owner.exchangeEnded(clientStaysOpen && requestDone, lastWrite);
    }

    private void fail(LocalResponse response) {
        abandon();
        owner.respond(response, keepAlive);
    }

    /** Ends the exchange without a response from the backend; the backend connection is not reusable. */
    private void abandon() {
        ended = true;
        proxy.routing().release(backend);
        if (upstream != null) {
            upstreamHandler.detach();
            upstream.close();
        }
    }

    private String address() {
        return ProxyServer.format(backend.address());
    }
}
