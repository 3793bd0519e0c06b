package io.reflex.tools.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.NotFoundException;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ServiceView;
import io.reflex.client.config.ConfigNotFoundException;
import io.reflex.client.config.ConfigSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Configs fetched from the engine as the flattener asks for them, remembered by name so the CLI can later ask
 * how each rendered file was produced.
 */
final class EngineConfigSource implements ConfigSource {
  private final ReflexClient client;
  private final Map<String, ObjectNode> fetched = new HashMap<>();

  EngineConfigSource(ReflexClient client) {
    this.client = client;
  }

  @Override
  public ObjectNode fetch(String ref) {
    try {
      ObjectNode config = client.get(ObjectType.CONFIG, ref).json();
      fetched.put(ServiceView.referencedName(ref), config);
      return config;
    } catch (NotFoundException e) {
      throw new ConfigNotFoundException(ref);
    }
  }

  Optional<ObjectNode> fetched(String name) {
    return Optional.ofNullable(fetched.get(name));
  }
}
