package io.reflex.launcher.proxy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;

/**
 * The few answers the proxy gives itself instead of the app's: a short plain-text line, so a user hitting the
 * port with a browser or curl reads what is wrong, never an internal exception.
 */
enum LocalResponse {
    NO_BACKEND(HttpResponseStatus.SERVICE_UNAVAILABLE, "The service is starting; try again in a moment."),
    BAD_GATEWAY(HttpResponseStatus.BAD_GATEWAY, "The service is not reachable."),
    GATEWAY_TIMEOUT(HttpResponseStatus.GATEWAY_TIMEOUT, "The service did not answer in time."),
    HEADERS_TOO_LARGE(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are too large."),
    URI_TOO_LONG(HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is too long."),
    BAD_REQUEST(HttpResponseStatus.BAD_REQUEST, "The request is not valid HTTP/1.1.");

    private final HttpResponseStatus status;
    private final byte[] body;

    LocalResponse(HttpResponseStatus status, String text) {
        this.status = status;
        this.body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    HttpResponseStatus status() {
        return status;
    }

    FullHttpResponse build(ByteBufAllocator allocator, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                allocator.buffer(body.length).writeBytes(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        if (this == NO_BACKEND) {
            response.headers().setInt(HttpHeaderNames.RETRY_AFTER, 1);
        }
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }
}
