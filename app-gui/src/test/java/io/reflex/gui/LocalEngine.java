package io.reflex.gui;

import io.reflex.client.ReflexClient;
import io.reflex.engine.Engine;
import io.reflex.engine.EngineSettings;
import io.reflex.gui.connection.Clients;
import java.nio.file.Path;

/** A real engine in the test's process, which can be stopped and started again on the same port and data. */
final class LocalEngine implements AutoCloseable {
    private final Path dataDir;
    private final String apikey;
    private Engine engine;
    private int port;

    LocalEngine(Path dataDir) throws Exception {
        this.dataDir = dataDir;
        engine = Engine.start(EngineSettings.embedded(dataDir).listen("127.0.0.1", 0).build());
        port = engine.port();
        apikey = engine.createdMasterKey().orElseThrow();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/api/v1";
    }

    String apikey() {
        return apikey;
    }

    ReflexClient client() {
        return Clients.create(url(), apikey);
    }

    void stop() {
        engine.close();
        engine = null;
    }

    void restart() throws Exception {
        engine = Engine.start(EngineSettings.embedded(dataDir).listen("127.0.0.1", port).build());
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
