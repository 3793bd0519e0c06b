package io.reflex.launcher.cli;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real engine plus helpers to store pipelines, services and configs on it for launch tests. */
final class EngineFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final RunningEngine engine;
    private final ReflexClient client;

    private EngineFixture(RunningEngine engine) {
        this.engine = engine;
        this.client = ReflexClient.create(engine.url(), engine.masterKey());
    }

    static EngineFixture start(Path dataDir) throws Exception {
        return new EngineFixture(RunningEngine.start(TestDatabase.SQLITE, dataDir));
    }

    ReflexClient client() {
        return client;
    }

    /** Creates or replaces {@code json} (which carries its name) as a {@code type} object. */
    void put(ObjectType type, JsonNode json) {
        ReflexObject object = ReflexObject.of((ObjectNode) json.deepCopy());
        if (client.find(type, object.name()).isPresent()) {
            client.update(type, object.name(), object);
        } else {
            client.create(type, object);
        }
    }

    void put(ObjectType type, String json) throws Exception {
        put(type, JSON.readTree(json));
    }

    /** The environment a container would give {@code launch}, plus PATH so the test apps find their tools. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("REFLEX_URL", engine.url());
        env.put("REFLEX_APIKEY", engine.masterKey());
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        return env;
    }

    @Override
    public void close() {
        engine.close();
    }
}
