package io.reflex.launcher.redeploy;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexException;
import io.reflex.client.WatchRequest;
import io.reflex.client.WatchSubscription;
import io.reflex.launcher.log.LaunchLog;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Redeploys asked for on the engine: the service's {@code redeploy} field (docs/redeploy.md). The launcher follows
 * the service through the client's watch, which polls engines without a feed, and acts on each id it has not seen,
 * in its turn among the service's instances ({@link RollingGate}). The id present at start counts as seen, so a
 * restarted launcher does not redeploy again for an old request.
 */
public final class EngineTrigger implements AutoCloseable {

    private final ReflexClient client;
    private final String service;
    private final Redeployer redeployer;
    private final RollingGate gate;
    private final LaunchLog log;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("launch-redeploy-trigger").factory());
    private volatile String seen;
    private WatchSubscription subscription;

    private EngineTrigger(ReflexClient client, String service, String instance, String seen, Redeployer redeployer,
                          LaunchLog log) {
        this.client = client;
        this.service = service;
        this.seen = seen;
        this.redeployer = redeployer;
        this.gate = new RollingGate(client, service, instance, log);
        this.log = log;
    }

    /**
     * @param serviceAtStart the service object the launch started from: its request id counts as seen
     * @param poll           how often to read the service when the engine has no watch feed
     */
    public static EngineTrigger start(ReflexClient client, JsonNode serviceAtStart, String instance,
                                      Redeployer redeployer, Duration poll, LaunchLog log) {
        String service = serviceAtStart.path("name").asText();
        EngineTrigger trigger = new EngineTrigger(client, service, instance,
                serviceAtStart.path("redeploy").path("id").asText(""), redeployer, log);
        trigger.subscription = client.watch(WatchRequest.all().types(ObjectType.SERVICE).match(service)
                .pollInterval(poll), event -> {
                    if (event.name().equals(service)) {
                        trigger.worker.execute(trigger::check);
                    }
                });
        return trigger;
    }

    private void check() {
        JsonNode request;
        try {
            request = client.get(ObjectType.SERVICE, service).json().path("redeploy");
        } catch (ReflexException e) {
            log.info("Cannot read service " + service + " for its redeploy request: " + e.getMessage());
            return;
        }
        String id = request.path("id").asText("");
        if (id.isBlank() || id.equals(seen)) {
            return;
        }
        seen = id;
        log.info("Redeploy " + id + " requested on the engine by " + request.path("by").asText("?"));
        redeployer.queued(id);
        if (gate.awaitTurn(id, request.path("batch").asInt(1), request.path("min-ready").asInt(1))) {
            redeployer.request(new RedeployRequest(id, ControlRequests.target(request.path("target")),
                    RedeployRequest.ENGINE)).join();
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        worker.shutdownNow();
    }
}
