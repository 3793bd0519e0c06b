package io.reflex.launcher.redeploy;

import io.reflex.launcher.log.LaunchLog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
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
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code --control [HOST:]PORT}: {@code POST /redeploy} with {@code Authorization: Bearer TOKEN}. There is no
 * unauthenticated mode: without a token the endpoint does not start. The token is compared in constant time, and a
 * wrong or missing one gets a bare 401 whatever the path, so the endpoint tells an unauthenticated caller nothing.
 */
public final class ControlEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024;

    private final EventLoopGroup group;
    private final Channel channel;

    private ControlEndpoint(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** @throws IllegalArgumentException when {@code token} is blank */
    public static ControlEndpoint start(InetSocketAddress listen, String token,
                                        Function<RedeployRequest, CompletableFuture<RedeployOutcome>> redeploy,
                                        LaunchLog log) throws InterruptedException {
        if (token.isBlank()) {
            throw new IllegalArgumentException("--control needs REFLEX_CONTROL_TOKEN (in /run/secrets or the environment)");
        }
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY),
                                    new Handler(expected, redeploy, log));
                        }
                    }).bind(listen).sync().channel();
            log.info("Control endpoint listening on " + channel.localAddress());
            return new ControlEndpoint(group, channel);
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final byte[] expected;
        private final Function<RedeployRequest, CompletableFuture<RedeployOutcome>> redeploy;
        private final LaunchLog log;

        Handler(byte[] expected, Function<RedeployRequest, CompletableFuture<RedeployOutcome>> redeploy, LaunchLog log) {
            this.expected = expected;
            this.redeploy = redeploy;
            this.log = log;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION, "");
            if (!MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
                log.info("Control endpoint: refused an unauthenticated " + request.method() + " from "
                        + ctx.channel().remoteAddress());
                FullHttpResponse refused = response(HttpResponseStatus.UNAUTHORIZED, "");
                refused.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
                send(ctx, refused);
                return;
            }
            if (!request.uri().equals("/redeploy") && !request.uri().startsWith("/redeploy?")) {
                send(ctx, error(HttpResponseStatus.NOT_FOUND, "only POST /redeploy exists here"));
                return;
            }
            if (!request.method().equals(HttpMethod.POST)) {
                send(ctx, error(HttpResponseStatus.METHOD_NOT_ALLOWED, "use POST /redeploy"));
                return;
            }
            JsonNode body;
            try {
                String text = request.content().toString(StandardCharsets.UTF_8);
                body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (IOException e) {
                send(ctx, error(HttpResponseStatus.BAD_REQUEST, "the body is not JSON"));
                return;
            }
            redeploy.apply(RedeployRequest.local(ControlRequests.target(body.path("target").isObject()
                    ? body.path("target") : body), "http")).thenAccept(outcome -> {
                        try {
                            send(ctx, response(outcome.done() ? HttpResponseStatus.OK
                                            : HttpResponseStatus.UNPROCESSABLE_ENTITY,
                                    JSON.writeValueAsString(ControlRequests.answer(outcome))));
                        } catch (IOException e) {
                            send(ctx, error(HttpResponseStatus.UNPROCESSABLE_ENTITY, e.getMessage()));
                        }
                    });
        }

        private static FullHttpResponse error(HttpResponseStatus status, String message) {
            return response(status, JsonNodeFactory.instance.objectNode().put("state", "error")
                    .put("message", message).toString());
        }

        private static FullHttpResponse response(HttpResponseStatus status, String json) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
            if (!json.isEmpty()) {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            }
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }

        private static void send(ChannelHandlerContext ctx, FullHttpResponse response) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
