package io.reflex.launcher.instance;

import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexException;
import io.reflex.client.ReflexObject;
import io.reflex.launcher.log.LaunchLog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
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
    private final String version;
    private final Instant started;
    private final Clock clock;
    private final LaunchLog log;

    public InstanceRegistration(ReflexClient client, String service, HostIdentity host, String version, Clock clock,
                                LaunchLog log) {
        this.client = client;
        this.service = service;
        this.host = host;
        this.version = version;
        this.clock = clock;
        this.started = clock.instant();
        this.log = log;
    }

    public String instanceName() {
        return host.instanceName(service);
    }

    /** Reports {@code state}; {@code port} is the app's port when the pipeline names one (0 otherwise). */
    public void ping(LifecycleState state, int port) {
        try {
            client.pingInstance(instanceName(), ReflexObject.of(body(state, port)));
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
