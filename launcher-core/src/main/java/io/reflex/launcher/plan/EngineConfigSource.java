package io.reflex.launcher.plan;

import io.reflex.client.NotFoundException;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.config.ConfigNotFoundException;
import io.reflex.client.config.ConfigSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The flattener's configs, read from the engine with the launch's client. */
record EngineConfigSource(ReflexClient client) implements ConfigSource {

    @Override
    public ObjectNode fetch(String ref) {
        try {
            return client.get(ObjectType.CONFIG, ref).json();
        } catch (NotFoundException e) {
            throw new ConfigNotFoundException(ref);
        }
    }
}
