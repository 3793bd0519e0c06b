package io.reflex.launcher.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;

/**
 * An upgraded connection (WebSocket or any other protocol after a 101): raw bytes both ways, each side read only
 * while the other is writable. It counts as in flight for its backend until either side closes, and closing one
 * side closes the other once what was read from it is written.
 */
final class Tunnel {

    private static final String HANDLER = "tunnel";

    private final Routing routing;
    private final Backend backend;
    private boolean released;

    private Tunnel(Routing routing, Backend backend) {
        this.routing = routing;
        this.backend = backend;
    }

    /**
     * Switches both connections from HTTP to raw bytes. Runs on their shared event loop right after the 101 was
     * written, so no byte can pass through the HTTP codecs in between; bytes the codecs already held move on to
     * the tunnel when they are removed.
     */
    static void open(Channel client, Channel upstream, Backend backend, Routing routing) {
        Tunnel tunnel = new Tunnel(routing, backend);
        rewire(client.pipeline(), ClientHandler.class, tunnel.new Side(upstream));
        rewire(upstream.pipeline(), UpstreamHandler.class, tunnel.new Side(client));
        client.read();
        upstream.read();
    }

    private static void rewire(ChannelPipeline pipeline, Class<? extends ChannelInboundHandlerAdapter> http,
                               Side side) {
        pipeline.replace(http, HANDLER, side);
        pipeline.remove(ClientHandler.IDLE);
        pipeline.remove(ClientHandler.CODEC);
    }

    private void release() {
        if (!released) {
            released = true;
            routing.release(backend);
        }
    }

    /** One direction's reader: what it reads goes to the peer. */
    private final class Side extends ChannelInboundHandlerAdapter {

        private final Channel peer;

        Side(Channel peer) {
            this.peer = peer;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            peer.write(msg, peer.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            peer.flush();
            if (peer.isWritable()) {
                ctx.read();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                peer.read();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            release();
            if (peer.isActive()) {
                peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
