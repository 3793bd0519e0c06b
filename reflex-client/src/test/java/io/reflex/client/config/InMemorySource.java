package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake engine that serves config objects by name and records every request, in order; safe from any thread. */
final class InMemorySource implements ConfigSource {

    private final Map<String, ObjectNode> configs = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    static InMemorySource of(JsonNode configsByName) {
        InMemorySource source = new InMemorySource();
        configsByName.properties().forEach(entry -> source.put(entry.getKey(), (ObjectNode) entry.getValue()));
        return source;
    }

    InMemorySource put(String name, ObjectNode config) {
        configs.put(name, config);
        return this;
    }

    @Override
    public ObjectNode fetch(String ref) {
        requests.add(ref);
        ObjectNode config = configs.get(ref);
        if (config == null) {
            throw new ConfigNotFoundException(ref);
        }
        return config;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }
}
