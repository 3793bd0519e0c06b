package io.reflex.launcher.instance;

import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexException;
import io.reflex.client.ReflexObject;
import io.reflex.launcher.log.LaunchLog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The service's {@code instance} object on the engine, written with {@code PUT instance-ping/<name>}. Exec mode
 * pings once (there is no launcher left afterwards); supervise mode pings on every state change and on an interval
 * through {@link Heartbeat}. A failed ping is logged and never stops the service.
 */
public final class InstanceRegistration {

    private final ReflexClient client;
    private final String service;
    private final HostIdentity host;
    private final String name;
    private final String version;
    private final Instant started;
    private final Clock clock;
    private final LaunchLog log;

    public InstanceRegistration(ReflexClient client, String service, HostIdentity host, String version, Clock clock,
                                LaunchLog log) {
        this(client, service, host, host.instanceName(service), version, clock, log);
    }

    /** @param name the instance's name when not {@code <service>-<hostname>} ({@code --instance}) */
    public InstanceRegistration(ReflexClient client, String service, HostIdentity host, String name, String version,
                                Clock clock, LaunchLog log) {
        this.client = client;
        this.service = service;
        this.host = host;
        this.name = name;
        this.version = version;
        this.clock = clock;
        this.started = clock.instant();
        this.log = log;
    }

    public String instanceName() {
        return name;
    }

    public String service() {
        return service;
    }

    /** Reports {@code state} once, without a ttl (exec mode); {@code port} is the app's port, 0 when unknown. */
    public void ping(LifecycleState state, int port) {
        send(body(state, port));
    }

    /**
     * Reports {@code state} as a supervising launcher does: with the ttl after which the engine may mark the
     * instance stale, and the colors when a redeploy proxy runs them; {@code lifecycle.version} is then the
     * serving color's build when it has one.
     */
    public void ping(LifecycleState state, int port, Duration ttl, ColorDetails colors) {
        ObjectNode body = body(state, port);
        ObjectNode lifecycle = (ObjectNode) body.get("lifecycle");
        lifecycle.put("ttl", Math.max(1, ttl.toSeconds()));
        if (!colors.colors().isEmpty()) {
            lifecycle.put("color", colors.current());
            colors.colors().stream().filter(c -> c.color() == colors.current() && !c.version().isEmpty())
                    .findFirst().ifPresent(serving -> lifecycle.put("version", serving.version()));
            ArrayNode list = lifecycle.putArray("colors");
            for (ColorReport color : colors.colors()) {
                list.addObject().put("color", color.color()).put("state", color.state()).put("port", color.port())
                        .put("version", color.version()).put("pid", color.pid());
            }
        }
        colors.redeploy().ifPresent(redeploy -> lifecycle.putObject("redeploy").put("id", redeploy.id())
                .put("state", redeploy.state()).put("message", redeploy.message())
                .put("at", redeploy.at().toString()));
        send(body);
    }

    private void send(ObjectNode body) {
        try {
            client.pingInstance(instanceName(), ReflexObject.of(body));
        } catch (ReflexException e) {
            log.info("Unable to update instance: " + e.getMessage());
        }
    }

    ObjectNode body(LifecycleState state, int port) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", state.status());
        body.put("service", service);
        body.put("name", instanceName());
        ObjectNode address = body.putObject("address");
        address.put("internal-name", host.hostname());
        address.put("host", host.hostname());
        if (port > 0) {
            address.put("port", port);
        }
        List<String> ips = host.addresses();
        for (int i = 0; i < Math.min(2, ips.size()); i++) {
            address.put("ip" + i, ips.get(i));
        }
        ObjectNode lifecycle = body.putObject("lifecycle");
        lifecycle.put("state", state.wireName());
        lifecycle.put("version", version);
        lifecycle.put("started", started.toString());
        lifecycle.put("heartbeat", clock.instant().toString());
        return body;
    }
}
