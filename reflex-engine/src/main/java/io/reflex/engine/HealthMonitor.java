package io.reflex.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.engine.http.ApiRequest;
import io.reflex.engine.http.Reply;
import io.reflex.engine.http.WireJson;
import io.reflex.engine.store.Database;
import io.reflex.engine.threads.EngineThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health}: healthy while an internal heartbeat keeps ticking. Unlike the original's, each tick also asks the
 * database, so a node that lost its database reports 503 and a load balancer can take it out.
 */
final class HealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final Database database;
    private final Clock clock;
    private final Duration heartbeat;
    private final long version;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            EngineThreads.daemon("health").factory());
    private volatile long lastTick;

    HealthMonitor(Database database, Clock clock, Duration heartbeat, long version) {
        this.database = database;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.version = version;
    }

    void start() {
        tick();
        long period = Math.max(100, heartbeat.toMillis() / 2);
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            database.jdbi().useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            lastTick = clock.millis();
        } catch (RuntimeException e) {
            LOG.warn("health check cannot reach the database: {}", e.getMessage());
        }
    }

    Reply answer(ApiRequest request) {
        boolean healthy = clock.millis() - lastTick <= heartbeat.toMillis();
        boolean detail = request.queryParam("detail").map(d -> d.equalsIgnoreCase("true")).orElse(false);
        if (!detail) {
            return healthy ? Reply.noContent() : Reply.failed(503, Optional.of("Failure"));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("last-heartbeat", WireJson.epochSeconds(lastTick));
        body.put("version", version);
        if (!healthy) {
            body.put("status", "failed");
        }
        return Reply.json(healthy ? 200 : 503, body);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
