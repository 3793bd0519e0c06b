package io.reflex.launcher.cli;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app of the redeploy tests, run by {@code launch} as its own JVM, one per color. It listens on
 * {@code 127.0.0.1:$PORT} and answers:
 * <ul>
 *   <li>{@code GET /}: its version ({@code APP_BUILD}, else {@code VERSION});</li>
 *   <li>{@code GET /health}: 200, or 503 when {@code HEALTH=fail};</li>
 *   <li>{@code GET /slow?ms=N}: its version after N ms;</li>
 *   <li>{@code /ws}: a WebSocket that echoes each text frame as {@code VERSION:TEXT}.</li>
 * </ul>
 * {@code CRASH=1} makes it exit with 3 before it binds; {@code START_DELAY=MS} delays the bind.
 */
public final class VersionApp {

    private VersionApp() {
    }

    public static void main(String[] args) throws Exception {
        if ("1".equals(System.getenv("CRASH"))) {
            System.err.println("VersionApp: CRASH=1, exiting");
            System.exit(3);
        }
        String build = System.getenv("APP_BUILD");
        String version = build != null && !build.isEmpty() ? build : System.getenv().getOrDefault("VERSION", "none");
        boolean healthy = !"fail".equals(System.getenv("HEALTH"));
        int port = Integer.parseInt(System.getenv("PORT"));
        Thread.sleep(Long.parseLong(System.getenv().getOrDefault("START_DELAY", "0")));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler("/ws"), new Echo(version),
                                new Pages(version, healthy));
                    }
                }).bind(InetAddress.getLoopbackAddress(), port).sync();
        System.err.println("VersionApp " + version + " listening on " + port);
        Thread.currentThread().join();
    }

    private static final class Echo extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private final String version;

        Echo(String version) {
            this.version = version;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            ctx.writeAndFlush(new TextWebSocketFrame(version + ":" + frame.text()));
        }
    }

    private static final class Pages extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final String version;
        private final boolean healthy;

        Pages(String version, boolean healthy) {
            this.version = version;
            this.healthy = healthy;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            switch (uri.path()) {
                case "/health" -> send(ctx, keepAlive, healthy ? HttpResponseStatus.OK
                        : HttpResponseStatus.SERVICE_UNAVAILABLE, healthy ? "ok" : "unhealthy");
                case "/slow" -> {
                    long ms = Long.parseLong(uri.parameters().getOrDefault("ms", List.of("1000")).getFirst());
                    ctx.executor().schedule(() -> send(ctx, keepAlive, HttpResponseStatus.OK, version), ms,
                            TimeUnit.MILLISECONDS);
                }
                case "/" -> send(ctx, keepAlive, HttpResponseStatus.OK, version);
                default -> send(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, "no such page");
            }
        }

        private static void send(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String body) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            HttpUtil.setContentLength(response, response.content().readableBytes());
            HttpUtil.setKeepAlive(response, keepAlive);
            ChannelFuture written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
