package io.reflex.launcher.proxy;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the proxy changes in the headers on the way in and on the way out. */
class ForwardingHeadersTest {

    @Test
    void requestLosesHopByHopHeadersAndGainsForwardedOnes() {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.POST, "/x");
        request.headers().add("Host", "shop.example:8080").add("Connection", "keep-alive, X-Private, Content-Length")
                .add("Keep-Alive", "timeout=5").add("X-Private", "1").add("TE", "trailers")
                .add("Proxy-Connection", "keep-alive").add("Content-Length", "3")
                .add("X-Forwarded-Proto", "https").add("X-Forwarded-For", "198.51.100.1");

        ForwardingHeaders.toBackend(request, "192.0.2.9");

        assertThat(request.protocolVersion()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(request.headers().names()).map(String::toLowerCase)
                .doesNotContain("connection", "keep-alive", "x-private", "te", "proxy-connection")
                .contains("content-length");
        assertThat(request.headers().get("X-Forwarded-For")).isEqualTo("198.51.100.1, 192.0.2.9");
        assertThat(request.headers().get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(request.headers().get("X-Forwarded-Host")).isEqualTo("shop.example:8080");
    }

    @Test
    void upgradeRequestKeepsItsUpgradeHeaders() {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/ws");
        request.headers().add("Connection", "keep-alive, Upgrade").add("Upgrade", "websocket");

        assertThat(ForwardingHeaders.isUpgrade(request)).isTrue();
        ForwardingHeaders.toBackend(request, "127.0.0.1");

        assertThat(request.headers().get("Connection")).isEqualTo("upgrade");
        assertThat(request.headers().get("Upgrade")).isEqualTo("websocket");
    }

    @Test
    void closeDelimitedResponseIsChunkedForHttp11AndClosesForHttp10() {
        HttpResponse forHttp11 = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        forHttp11.headers().add("Connection", "close");
        HttpResponse forHttp10 = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);

        assertThat(ForwardingHeaders.toClient(forHttp11, HttpMethod.GET, HttpVersion.HTTP_1_1, true)).isTrue();
        assertThat(ForwardingHeaders.toClient(forHttp10, HttpMethod.GET, HttpVersion.HTTP_1_0, true)).isFalse();

        assertThat(forHttp11.headers().get("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(forHttp11.headers().contains("Connection")).isFalse();
        assertThat(forHttp10.headers().get("Connection")).isEqualTo("close");
    }

    @Test
    void responseToAClientThatClosesSaysSoAndBodylessResponsesAreLeftAlone() {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);

        assertThat(ForwardingHeaders.toClient(response, HttpMethod.GET, HttpVersion.HTTP_1_1, false)).isFalse();
        assertThat(ForwardingHeaders.toClient(head, HttpMethod.HEAD, HttpVersion.HTTP_1_1, true)).isTrue();

        assertThat(response.headers().get("Connection")).isEqualTo("close");
        assertThat(head.headers().contains("Transfer-Encoding")).isFalse();
    }
}
