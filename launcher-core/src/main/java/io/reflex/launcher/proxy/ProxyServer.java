package io.reflex.launcher.proxy;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.log.LaunchLog;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The redeploy proxy: owns the service's public port and streams HTTP/1.1 (and upgraded connections) to the
 * current color. Built on Netty with one event loop per core; each client connection and the backend connections
 * it uses share an event loop, so an exchange never crosses threads.
 */
public final class ProxyServer implements TrafficRouter {

    private static final int MAX_LINE = 8192;
    private static final int MAX_CHUNK = 64 * 1024;

    private final Routing routing;
    private final EventLoopGroup group;
    private final Channel listener;
    private final ChannelGroup clients;
    private final AtomicBoolean closing;
    private final ProxySettings settings;
    private final LaunchLog log;

    private ProxyServer(Routing routing, EventLoopGroup group, Channel listener, ChannelGroup clients,
                        AtomicBoolean closing, ProxySettings settings, LaunchLog log) {
        this.routing = routing;
        this.group = group;
        this.listener = listener;
        this.clients = clients;
        this.closing = closing;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Listens on {@code settings.listen()}; requests get 503 until the first {@link #routeTo}.
     *
     * @throws LaunchException when the address cannot be bound (in use, not local, no permission)
     */
    public static ProxyServer start(ProxySettings settings, LaunchLog log) {
        Transport transport = Transport.best();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("reflex-proxy", true), transport.ioHandler());
        Routing routing = new Routing();
        AtomicBoolean closing = new AtomicBoolean();
        ChannelGroup clients = new DefaultChannelGroup("proxy-clients", GlobalEventExecutor.INSTANCE);
        ProxyContext context = new ProxyContext(settings, routing, new UpstreamPool(transport, settings), log,
                closing);
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        clients.add(channel);
                        channel.pipeline()
                                .addLast(ClientHandler.IDLE, new IdleStateHandler(0, 0,
                                        settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                                .addLast(ClientHandler.CODEC, new HttpServerCodec(new HttpDecoderConfig()
                                        .setMaxInitialLineLength(MAX_LINE)
                                        .setMaxHeaderSize(settings.maxHeaderSize())
                                        .setMaxChunkSize(MAX_CHUNK)))
                                .addLast(new ClientHandler(context));
                    }
                });
        ChannelFuture bound = bootstrap.bind(settings.listen()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new LaunchException(ExitReason.FAILED, "the proxy cannot listen on " + format(settings.listen())
                    + ": " + bound.cause().getMessage(), bound.cause());
        }
        InetSocketAddress listening = (InetSocketAddress) bound.channel().localAddress();
        log.info("proxy: listening on " + format(listening) + " (" + transport.name() + ")");
        return new ProxyServer(routing, group, bound.channel(), clients, closing, settings, log);
    }

    @Override
    public InetSocketAddress listenAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void routeTo(Backend backend) {
        routing.routeTo(backend);
    }

    @Override
    public Optional<Backend> current() {
        return routing.current();
    }

    @Override
    public int inFlight(Backend backend) {
        return routing.inFlight(backend);
    }

    @Override
    public CompletableFuture<Void> drained(Backend backend) {
        return routing.drained(backend);
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        listener.close().awaitUninterruptibly();
        routing.stop();
        clients.forEach(channel -> channel.eventLoop().execute(() -> {
            ClientHandler handler = channel.pipeline().get(ClientHandler.class);
            if (handler != null) {
                handler.closeIfIdle();
            }
        }));
        CompletableFuture<?>[] draining = routing.known().stream().map(routing::drained)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(draining).get(settings.closeGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.info("proxy: closing with exchanges still running after " + settings.closeGrace().toMillis()
                    + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("drain futures never fail", e);
        }
        clients.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** {@code 127.0.0.1:8080}: the numeric address, as an operator would type it into {@code ss} or curl. */
    static String format(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
