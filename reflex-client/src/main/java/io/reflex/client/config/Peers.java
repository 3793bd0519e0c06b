package io.reflex.client.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Other running instances of the service, by address slot, as exec-mode launches see them (6.4).
 *
 * @param ip0 instance name to {@code ip0} address, in discovery order
 * @param ip1 instance name to {@code ip1} address, in discovery order
 */
public record Peers(SequencedMap<String, String> ip0, SequencedMap<String, String> ip1) {

    public Peers {
        ip0 = copy(ip0);
        ip1 = copy(ip1);
    }

    /** Exec mode with no other instances: the six {@code LAUNCH_PEER*} variables are still set, empty. */
    public static Peers none() {
        return new Peers(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** The six {@code LAUNCH_PEER*} variables. */
    SequencedMap<String, String> environment() {
        SequencedMap<String, String> env = new LinkedHashMap<>();
        env.put("LAUNCH_PEERS0", joined(ip0, e -> e.getKey() + "@" + e.getValue()));
        env.put("LAUNCH_PEERS1", joined(ip1, e -> e.getKey() + "@" + e.getValue()));
        env.put("LAUNCH_PEER0_NAMES", joined(ip0, Map.Entry::getKey));
        env.put("LAUNCH_PEER1_NAMES", joined(ip1, Map.Entry::getKey));
        env.put("LAUNCH_PEER0_IPS", joined(ip0, Map.Entry::getValue));
        env.put("LAUNCH_PEER1_IPS", joined(ip1, Map.Entry::getValue));
        return env;
    }

    /** {@code {"ip0": {...}, "ip1": {...}}}, as {@code launch config} shows it. */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ObjectNode slot0 = json.putObject("ip0");
        ip0.forEach(slot0::put);
        ObjectNode slot1 = json.putObject("ip1");
        ip1.forEach(slot1::put);
        return json;
    }

    private static String joined(Map<String, String> slot,
                                 Function<Map.Entry<String, String>, String> part) {
        return slot.entrySet().stream().map(part).collect(Collectors.joining(","));
    }

    private static SequencedMap<String, String> copy(SequencedMap<String, String> slot) {
        return Collections.unmodifiableSequencedMap(new LinkedHashMap<>(slot));
    }
}
