package io.reflex.launcher.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.net.InetAddress;
import java.util.List;

/**
 * The header rewriting of a reverse proxy: hop-by-hop headers describe one connection, so they are dropped on
 * each side (RFC 9110, section 7.6.1), and the app learns who the client was from the {@code X-Forwarded-*}
 * headers. Message framing ({@code Content-Length}, {@code Transfer-Encoding}) is kept, since the body is streamed
 * through unchanged.
 */
final class ForwardingHeaders {

    private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION,
            HttpHeaderNames.KEEP_ALIVE, "proxy-connection", HttpHeaderNames.TE, HttpHeaderNames.UPGRADE);
    private static final String X_FORWARDED_FOR = "x-forwarded-for";
    private static final String X_FORWARDED_PROTO = "x-forwarded-proto";
    private static final String X_FORWARDED_HOST = "x-forwarded-host";

    private ForwardingHeaders() {
    }

    /** Whether the client asks to switch protocols (WebSocket or any other {@code Upgrade}). */
    static boolean isUpgrade(HttpRequest request) {
        HttpHeaders headers = request.headers();
        return headers.contains(HttpHeaderNames.UPGRADE)
                && headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    }

    /**
     * Turns the client's request into the one sent upstream: HTTP/1.1 (the backend connection is pooled), no
     * hop-by-hop headers except an upgrade's own, and the client's address appended to {@code X-Forwarded-For}.
     */
    static void toBackend(HttpRequest request, InetAddress client) {
        HttpHeaders headers = request.headers();
        String upgrade = isUpgrade(request) ? headers.get(HttpHeaderNames.UPGRADE) : null;
        removeHopByHop(headers);
        if (upgrade != null) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        String forwardedFor = headers.get(X_FORWARDED_FOR);
        String address = client.getHostAddress();
        headers.set(X_FORWARDED_FOR, forwardedFor == null ? address : forwardedFor + ", " + address);
        headers.set(X_FORWARDED_PROTO, "http");
        String host = headers.get(HttpHeaderNames.HOST);
        if (host != null) {
            headers.set(X_FORWARDED_HOST, host);
        } else {
            headers.remove(X_FORWARDED_HOST);
        }
    }

    /**
     * Turns the backend's response into the one sent to the client and says whether the client connection stays
     * open after it. A body framed only by the backend closing its connection is re-framed as chunked for an
     * HTTP/1.1 client, so the client connection survives; an HTTP/1.0 client gets it close-delimited instead.
     *
     * @param method    the request's method (a response to HEAD has no body whatever its headers say)
     * @param version   the client's HTTP version
     * @param keepAlive whether the client asked to keep its connection
     */
    static boolean toClient(HttpResponse response, HttpMethod method, HttpVersion version, boolean keepAlive) {
        HttpHeaders headers = response.headers();
        int status = response.status().code();
        if (status == 101) {
            String upgrade = headers.get(HttpHeaderNames.UPGRADE);
            removeHopByHop(headers);
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            if (upgrade != null) {
                headers.set(HttpHeaderNames.UPGRADE, upgrade);
            }
            return true;
        }
        removeHopByHop(headers);
        boolean bodyless = method.equals(HttpMethod.HEAD) || status < 200 || status == 204 || status == 304;
        boolean http10 = version.equals(HttpVersion.HTTP_1_0);
        boolean open = keepAlive;
        if (!bodyless) {
            boolean chunked = HttpUtil.isTransferEncodingChunked(response);
            if (http10 && chunked) {
                HttpUtil.setTransferEncodingChunked(response, false);
                open = false;
            } else if (!chunked && !HttpUtil.isContentLengthSet(response)) {
                if (http10) {
                    open = false;
                } else {
                    HttpUtil.setTransferEncodingChunked(response, true);
                }
            }
        }
        if (!open) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return open;
    }

    private static void removeHopByHop(HttpHeaders headers) {
        for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : connection.split(",")) {
                String name = token.trim();
                if (!name.isEmpty() && !isFraming(name)) {
                    headers.remove(name);
                }
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }

    /** A client cannot make the proxy drop the framing of the body it streams through. */
    private static boolean isFraming(String name) {
        return name.equalsIgnoreCase(HttpHeaderNames.CONTENT_LENGTH.toString())
                || name.equalsIgnoreCase(HttpHeaderNames.TRANSFER_ENCODING.toString());
    }
}
