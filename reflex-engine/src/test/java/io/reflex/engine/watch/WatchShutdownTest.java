package io.reflex.engine.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.engine.Engine;
import io.reflex.engine.EngineSettings;
import io.reflex.engine.testing.WireClient;
import io.reflex.engine.testing.WireClient.Session;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Open watch streams end when the engine stops, instead of holding the graceful shutdown for its full timeout. */
class WatchShutdownTest {

    @Test
    @Timeout(30)
    void stoppingTheEngineEndsOpenWatchStreamsPromptly(@TempDir Path dir) throws Exception {
        Engine engine = Engine.start(EngineSettings.embedded(dir).listen("127.0.0.1", 0).build());
        WireClient wire = new WireClient(engine.url());
        Session session = wire.signIn(engine.createdMasterKey().orElseThrow());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.url() + "/watch"));
        WireClient.authHeaders(session).forEach(request::header);
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<byte[]> body = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = stream.body()) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                return new byte[0];
            }
        });
        long started = System.nanoTime();
        engine.close();
        long stopMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(stopMillis).as("engine stop took %d ms", stopMillis).isLessThan(3000);
        assertThat(new String(body.get(5, TimeUnit.SECONDS))).startsWith(": connected");
    }
}
