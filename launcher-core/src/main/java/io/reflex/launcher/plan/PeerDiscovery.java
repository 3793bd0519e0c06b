package io.reflex.launcher.plan;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexException;
import io.reflex.client.ReflexObject;
import io.reflex.client.config.Peers;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * Other healthy instances of the service, for the {@code LAUNCH_PEER*} variables (6.4). Best effort: a service
 * must start even when the instance list cannot be read.
 */
final class PeerDiscovery {

    private PeerDiscovery() {
    }

    static Peers find(ReflexClient client, String service) {
        SequencedMap<String, String> ip0 = new LinkedHashMap<>();
        SequencedMap<String, String> ip1 = new LinkedHashMap<>();
        try {
            for (ReflexObject instance : client.list(ObjectType.INSTANCE, service, "address", "status", "name")) {
                if (!"ok".equals(instance.text("status").orElse(""))) {
                    continue;
                }
                JsonNode address = instance.field("address").orElse(null);
                if (address == null || !address.isObject()) {
                    continue;
                }
                String name = address.path("internal-name").asText(instance.name());
                if (name.isEmpty()) {
                    name = instance.name();
                }
                putIfPresent(ip0, name, address.path("ip0"));
                putIfPresent(ip1, name, address.path("ip1"));
            }
        } catch (ReflexException ignored) {
            return Peers.none();
        }
        return new Peers(ip0, ip1);
    }

    private static void putIfPresent(SequencedMap<String, String> slot, String name, JsonNode ip) {
        if (ip.isTextual() && !ip.asText().isEmpty()) {
            slot.put(name, ip.asText());
        }
    }
}
