package io.reflex.client.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.InstanceView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.stream.Collectors;

/**
 * A link with the instances it resolved to, sorted by name; the first one is the one the single-value variables
 * name.
 */
public record ResolvedLink(ServiceLink link, List<InstanceView> instances) {

  public ResolvedLink {
    instances = List.copyOf(instances);
  }

  /** The first instance, which {@code NAME_URL}, {@code NAME_HOST} and {@code NAME_PORT} describe. */
  public Optional<InstanceView> first() {
    return instances.isEmpty() ? Optional.empty() : Optional.of(instances.getFirst());
  }

  /**
   * {@code NAME_URL}, {@code NAME_HOST}, {@code NAME_PORT} and {@code NAME_URLS}; empty when no instance resolved,
   * so an app can tell "nothing to talk to" from a stale address.
   */
  public SequencedMap<String, String> environment() {
    SequencedMap<String, String> env = new LinkedHashMap<>();
    first().ifPresent(instance -> {
      env.put(link.urlVariable(), url(instance));
      env.put(link.hostVariable(), instance.host().orElseThrow());
      env.put(link.portVariable(), Integer.toString(instance.port().orElseThrow()));
      env.put(link.urlsVariable(), instances.stream().map(this::url).collect(Collectors.joining(",")));
    });
    return env;
  }

  /**
   * The link as the links file holds it: service, scheme and each instance's name, host, port and URL. Only what
   * a client connects to: heartbeats and states change with every ping and would make every ping a "change".
   */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("service", link.service());
    json.put("scheme", link.scheme());
    ArrayNode list = json.putArray("instances");
    for (InstanceView instance : instances) {
      ObjectNode entry = list.addObject();
      entry.put("name", instance.name());
      entry.put("host", instance.host().orElseThrow());
      entry.put("port", instance.port().orElseThrow());
      entry.put("url", url(instance));
    }
    return json;
  }

  private String url(InstanceView instance) {
    return instance.url(link.scheme()).orElseThrow();
  }
}
