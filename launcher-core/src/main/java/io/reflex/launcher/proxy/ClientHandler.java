package io.reflex.launcher.proxy;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The proxy's end of one client connection: takes requests one after the other (a pipelined request waits until
 * the exchange before it ended) and picks the backend for each at its start, so a keep-alive connection's next
 * request follows a switch. The client is read only when the exchange can take what is read.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {

    static final String IDLE = "idle";
    static final String CODEC = "http";

    private final ProxyContext proxy;
    private final ArrayDeque<HttpObject> pending = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Exchange exchange;

    ClientHandler(ProxyContext proxy) {
        this.proxy = proxy;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        context.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof HttpObject object)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (object.decoderResult().isFailure()) {
            Throwable cause = object.decoderResult().cause();
            ReferenceCountUtil.release(msg);
            refuseMalformed(cause);
            return;
        }
        pending.add(object);
        drain();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        if (exchange != null) {
            exchange.flushUpstream();
        }
        readIfReady();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (exchange != null) {
            exchange.clientWritabilityChanged();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        releasePending();
        if (exchange != null) {
            exchange.clientClosed();
            exchange = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        releasePending();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (!(event instanceof IdleStateEvent)) {
            context.fireUserEventTriggered(event);
        } else if (exchange == null) {
            context.close();
        } else {
            exchange.idle();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }

    /** The exchange can take more of the request: forward what waits and read on. */
    void resume() {
        drain();
        if (exchange != null) {
            exchange.flushUpstream();
        }
        readIfReady();
    }

    /** Closes the connection now if no exchange runs on it; used when the proxy closes. */
    void closeIfIdle() {
        if (exchange == null && pending.isEmpty()) {
            ctx.close();
        }
    }

    /** Answers the current request from the proxy itself; the rest of its body is read and dropped. */
    void respond(LocalResponse response, boolean keepAlive) {
        exchange = null;
        boolean open = keepAlive && !proxy.closing();
        ChannelFuture written = ctx.writeAndFlush(response.build(ctx.alloc(), open));
        if (open) {
            resume();
        } else {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The exchange's response is written; the next request may start, or the connection ends. */
    void exchangeEnded(boolean keepOpen, ChannelFuture lastWrite) {
        exchange = null;
        if (!keepOpen || proxy.closing()) {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        resume();
    }

    private void drain() {
        while (!pending.isEmpty()) {
            HttpObject next = pending.peek();
            if (next instanceof HttpRequest request) {
                if (exchange != null) {
                    return;
                }
                pending.poll();
                begin(request);
            } else if (exchange == null) {
                ReferenceCountUtil.release(pending.poll());
            } else if (exchange.canForward()) {
                pending.poll();
                exchange.forward((HttpContent) next);
            } else {
                return;
            }
        }
    }

    private void begin(HttpRequest request) {
        Optional<Backend> backend = proxy.routing().acquire();
        if (backend.isEmpty()) {
            respond(LocalResponse.NO_BACKEND, HttpUtil.isKeepAlive(request));
            return;
        }
        exchange = new Exchange(this, proxy, ctx.channel(), backend.get(), request);
        exchange.start();
    }

    private void readIfReady() {
        if (pending.isEmpty() && ctx.channel().isActive() && (exchange == null || exchange.wantsRequestBytes())) {
            ctx.read();
        }
    }

    /** The codec could not parse the request: answer once and close, since the stream cannot be resynchronised. */
    private void refuseMalformed(Throwable cause) {
        if (exchange != null) {
            exchange.clientClosed();
            exchange = null;
            ctx.close();
            return;
        }
        LocalResponse response = cause instanceof TooLongHttpHeaderException ? LocalResponse.HEADERS_TOO_LARGE
                : cause instanceof TooLongHttpLineException ? LocalResponse.URI_TOO_LONG
                : LocalResponse.BAD_REQUEST;
        releasePending();
        respond(response, false);
    }

    private void releasePending() {
        HttpObject object;
        while ((object = pending.poll()) != null) {
            ReferenceCountUtil.release(object);
        }
    }
}
