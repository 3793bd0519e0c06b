package io.reflex.launcher.proxy;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a redeploy needs from the front proxy: switch where new requests go, and learn when a replaced color has
 * finished what it was doing. Kept to these few calls so the redeploy sequence does not depend on how the proxy
 * moves bytes.
 */
public interface TrafficRouter extends AutoCloseable {

    /** The public address clients connect to. */
    InetSocketAddress listenAddress();

    /**
     * Sends every request that starts after this call to {@code backend}, atomically; requests and upgraded
     * (WebSocket) connections already running stay on the backend they started on.
     */
    void routeTo(Backend backend);

    /** The backend new requests go to, empty before the first {@link #routeTo}. */
    Optional<Backend> current();

    /** Requests plus upgraded connections currently open to {@code backend}. */
    int inFlight(Backend backend);

    /**
     * Completes once {@code backend} is no longer the current one and has nothing in flight; already complete when
     * that holds at the call. Never completes exceptionally: the caller bounds the wait with its grace period.
     */
    CompletableFuture<Void> drained(Backend backend);

    /** Stops accepting, lets running exchanges finish for a short grace, then closes every connection. */
    @Override
    void close();
}
