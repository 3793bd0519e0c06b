package io.reflex.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reflex.engine.testing.WireClient.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client of the engine's {@code /watch} feed for tests: every event's {@code data}, parsed, on a queue. */
public final class WatchStream {

    private WatchStream() {}

    /**
     * Opens {@code {url}/watch{query}} and returns once the engine has the stream open, so that anything written
     * afterwards is seen.
     */
    public static BlockingQueue<JsonNode> open(String url, Session session, String query, Map<String, String> headers)
            throws InterruptedException {
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        CountDownLatch connected = new CountDownLatch(1);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/watch" + query));
        WireClient.authHeaders(session).forEach(request::header);
        headers.forEach(request::header);
        Thread.ofVirtual().start(() -> {
            try {
                HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                        .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.startsWith(": connected")) {
                            connected.countDown();
                        } else if (line.startsWith("data: ")) {
                            events.add(new ObjectMapper().readTree(line.substring(6)));
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(connected.await(20, TimeUnit.SECONDS)).as("watch stream open").isTrue();
        return events;
    }
}
