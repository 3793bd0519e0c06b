package io.reflex.launcher.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections to the backends, one pool per event loop: a client connection only ever uses backend
 * connections of its own event loop, so both ends of an exchange run on one thread and the pools need no locks.
 * An idle pooled connection keeps a read pending, so a backend closing it is noticed at once.
 */
final class UpstreamPool {

    /** Idle connections kept per backend and event loop; more than the benchmark's 64 clients per core. */
    private static final int MAX_IDLE = 128;
    private static final int MAX_LINE = 8192;
    private static final int MAX_CHUNK = 64 * 1024;

    private final Bootstrap bootstrap;
    private final ProxySettings settings;
    private final Map<EventLoop, Map<Backend, ArrayDeque<Channel>>> idle = new ConcurrentHashMap<>();

    UpstreamPool(Transport transport, ProxySettings settings) {
        this.settings = settings;
        this.bootstrap = new Bootstrap().channel(transport.socketChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis());
    }

    /** An idle connection to {@code backend} on {@code loop}, or null; called on {@code loop}. */
    Channel take(EventLoop loop, Backend backend) {
        ArrayDeque<Channel> channels = idle(loop, backend);
        Channel channel;
        while ((channel = channels.pollLast()) != null) {
            if (channel.isActive()) {
                return channel;
            }
        }
        return null;
    }

    /** A new connection to {@code backend} whose events run on {@code loop}. */
    ChannelFuture connect(EventLoop loop, Backend backend) {
        long idleMillis = settings.idleTimeout().toMillis();
        return bootstrap.clone(loop).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline()
                        .addLast(ClientHandler.IDLE, new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS))
                        .addLast(ClientHandler.CODEC, new HttpClientCodec(MAX_LINE, settings.maxHeaderSize(), MAX_CHUNK))
                        .addLast(new UpstreamHandler(UpstreamPool.this, backend));
            }
        }).connect(backend.address());
    }

    /** Keeps a connection whose exchange ended cleanly for the next request; called on its event loop. */
    void offer(Channel channel, Backend backend) {
        ArrayDeque<Channel> channels = idle(channel.eventLoop(), backend);
        if (!channel.isActive() || channels.size() >= MAX_IDLE) {
            channel.close();
            return;
        }
        channels.addLast(channel);
        channel.read();
    }

    /** Drops a pooled connection the backend closed; called on its event loop. */
    void forget(Channel channel, Backend backend) {
        idle(channel.eventLoop(), backend).remove(channel);
    }

    private ArrayDeque<Channel> idle(EventLoop loop, Backend backend) {
        return idle.computeIfAbsent(loop, ignored -> new HashMap<>())
                .computeIfAbsent(backend, ignored -> new ArrayDeque<>());
    }
}
