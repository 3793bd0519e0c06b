package io.reflex.launcher.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The proxy's end of one backend connection. It lives as long as the connection and hands events to the exchange
 * using it; between exchanges (pooled) any byte from the backend is a protocol error and closes it.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    private final UpstreamPool pool;
    private final Backend backend;
    private Exchange exchange;

    UpstreamHandler(UpstreamPool pool, Backend backend) {
        this.pool = pool;
        this.backend = backend;
    }

    static UpstreamHandler of(Channel channel) {
        return channel.pipeline().get(UpstreamHandler.class);
    }

    void attach(Exchange user) {
        exchange = user;
    }

    void detach() {
        exchange = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (exchange == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        exchange.upstreamRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.upstreamReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.upstreamWritabilityChanged();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.upstreamClosed();
        } else {
            pool.forget(ctx.channel(), backend);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && exchange == null) {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
