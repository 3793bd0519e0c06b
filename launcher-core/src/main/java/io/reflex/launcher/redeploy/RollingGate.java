package io.reflex.launcher.redeploy;

import io.reflex.client.InstanceView;
import io.reflex.client.ListQuery;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexException;
import io.reflex.launcher.log.LaunchLog;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Rolling order across the instances of one service (docs/redeploy.md): instances sort by name and go in batches
 * of {@code batch}; one starts when every instance of the earlier batches has finished the request (done, failed
 * or stale) and at least {@code min-ready} others are ready and not redeploying. {@code min-ready} counts only
 * instances outside the caller's own batch, so a service with fewer instances than that never waits forever.
 */
final class RollingGate {

    static final Duration POLL = Duration.ofMillis(250);
    private static final Set<String> FINISHED = Set.of("done", "failed");

    private final ReflexClient client;
    private final String service;
    private final String self;
    private final LaunchLog log;

    RollingGate(ReflexClient client, String service, String self, LaunchLog log) {
        this.client = client;
        this.service = service;
        this.self = self;
        this.log = log;
    }

    /**
     * Waits until it is this instance's turn for request {@code id} (its own instance object, which the heartbeat
     * writes, must be among them); false when interrupted first.
     */
    boolean awaitTurn(String id, int batch, int minReady) {
        boolean told = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (myTurn(instances(), id, Math.max(1, batch), Math.max(0, minReady))) {
                    return true;
                }
                if (!told) {
                    log.info("Redeploy " + id + ": waiting for the instances before this one (batch " + batch
                            + ", min-ready " + minReady + ")");
                    told = true;
                }
            } catch (ReflexException e) {
                log.info("Redeploy " + id + ": cannot read the service's instances, retrying: " + e.getMessage());
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    /** The service's instances that have not failed, in the order every launcher of the service agrees on. */
    private List<InstanceView> instances() {
        return client.list(ListQuery.of(ObjectType.INSTANCE).cols("*")).stream().map(InstanceView::of)
                .filter(instance -> service.equals(instance.service()))
                .filter(instance -> !"failed".equals(instance.status()))
                .sorted(Comparator.comparing(InstanceView::name)).toList();
    }

    private boolean myTurn(List<InstanceView> instances, String id, int batch, int minReady) {
        int me = indexOf(instances);
        if (me < 0) {
            return false;
        }
        int myBatch = me / batch;
        int othersOutside = 0;
        int ready = 0;
        for (int i = 0; i < instances.size(); i++) {
            InstanceView instance = instances.get(i);
            if (i / batch < myBatch && !finished(instance, id)) {
                return false;
            }
            if (i / batch != myBatch) {
                othersOutside++;
                if (ready(instance, id)) {
                    ready++;
                }
            }
        }
        return ready >= Math.min(minReady, othersOutside);
    }

    private int indexOf(List<InstanceView> instances) {
        for (int i = 0; i < instances.size(); i++) {
            if (self.equals(instances.get(i).name())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean finished(InstanceView instance, String id) {
        JsonNode redeploy = lifecycle(instance).path("redeploy");
        return "stale".equals(instance.status())
                || id.equals(redeploy.path("id").asText()) && FINISHED.contains(redeploy.path("state").asText());
    }

    private static boolean ready(InstanceView instance, String id) {
        JsonNode redeploy = lifecycle(instance).path("redeploy");
        boolean redeploying = id.equals(redeploy.path("id").asText())
                && "deploying".equals(redeploy.path("state").asText());
        return "ok".equals(instance.status()) && instance.state().filter("ready"::equals).isPresent() && !redeploying;
    }

    private static JsonNode lifecycle(InstanceView instance) {
        return instance.object().json().path("lifecycle");
    }
}
