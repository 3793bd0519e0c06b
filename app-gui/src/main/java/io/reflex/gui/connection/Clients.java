package io.reflex.gui.connection;

import io.reflex.client.ReflexClient;
import java.time.Duration;

/**
 * Builds clients with timeouts for an interactive window: a user waiting on a dead engine should hear about it in
 * seconds, and the connection monitor does the retrying, so the client itself retries only once.
 */
public final class Clients {
    private Clients() {}

    public static ReflexClient create(String url, String apikey) {
        return ReflexClient.builder()
                .url(url)
                .apikey(apikey)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(30))
                .retries(1)
                .retryBackoff(Duration.ofMillis(100), Duration.ofMillis(300))
                .build();
    }
}
