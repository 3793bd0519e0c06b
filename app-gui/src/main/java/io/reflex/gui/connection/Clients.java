package io.reflex.gui.connection;

import io.reflex.client.ReflexClient;
import java.time.Duration;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * Builds clients with timeouts for an interactive window: a user waiting on a dead engine should hear about it in
 * seconds, and the connection monitor does the retrying, so the client itself retries only once.
 */
public final class Clients {
    private static final String PROXY_AUTHORIZATION = "Proxy-Authorization";

    private Clients() {}

    public static ReflexClient create(String url, String apikey) {
        return create(url, apikey, ProxySettings.NONE);
    }

    /** A client whose calls go through {@code proxy}; an HTTP proxy gets basic credentials when it asks (407). */
    public static ReflexClient create(String url, String apikey, ProxySettings proxy) {
        ReflexClient.Builder builder = ReflexClient.builder()
                .url(url)
                .apikey(apikey)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(30))
                .retries(1)
                .retryBackoff(Duration.ofMillis(100), Duration.ofMillis(300));
        if (!proxy.isDirect()) {
            builder.okHttpClient(throughProxy(proxy));
        }
        return builder.build();
    }

    private static OkHttpClient throughProxy(ProxySettings proxy) {
        OkHttpClient.Builder http = new OkHttpClient.Builder().proxy(proxy.proxy());
        if (proxy.hasCredentials() && proxy.kind() == ProxySettings.Kind.HTTP) {
            String credentials = Credentials.basic(proxy.user(), proxy.password());
            http.proxyAuthenticator((route, response) -> response.request().header(PROXY_AUTHORIZATION) != null
                    ? null
                    : response.request().newBuilder().header(PROXY_AUTHORIZATION, credentials).build());
        } else if (proxy.hasCredentials()) {
            SocksCredentials.register(proxy);
        }
        return http.build();
    }
}
