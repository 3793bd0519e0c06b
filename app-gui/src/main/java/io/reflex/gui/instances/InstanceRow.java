package io.reflex.gui.instances;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.reflex.client.InstanceView;
import io.reflex.client.ReflexObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One instance as the live table shows it, read from the fields launchers write: {@code status}, {@code address}
 * and the {@code lifecycle} object of the instance ping, with its colors and redeploy state (docs/redeploy.md).
 *
 * @param staleAfter when the instance turns stale unless another heartbeat comes: the last heartbeat plus its
 *                   {@code lifecycle.ttl}, or three {@code lifecycle.interval}s when it names no ttl. Worked out once
 *                   per row, because the live view checks every row after every batch of changes.
 */
public record InstanceRow(long id, String name, String service, String address, String status, String state,
        String color, String version, Optional<Instant> started, Optional<Instant> heartbeat,
        Optional<Instant> staleAfter, Redeploy redeploy) {

    /** The instance's part in the last redeploy it saw; {@link #NONE} before its first. */
    public record Redeploy(String id, String state, String message) {
        static final Redeploy NONE = new Redeploy("", "", "");

        /** {@code done}, {@code failed}: the instance has finished with this request. */
        public boolean finished() {
            return state.equals("done") || state.equals("failed");
        }

        /** As the table's redeploy column shows it: the state, and the message of a failure. */
        @Override
        public String toString() {
            return message.isEmpty() ? state : state + ": " + message;
        }
    }

    /** Launchers ping every 30 s unless the lifecycle's {@code interval} (seconds) says otherwise. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    /**
     * The row of an instance as the engine renders it. Service, status, state, color and version take a few values
     * across a whole fleet, so each row shares one copy of them: 50,000 rows are created at once when the live view
     * lists everything, and the collector copies all of them right after, while the window is in use (the longest
     * G1 pause of a benchmark run fell from 66–110 to 61–76 ms, docs/benchmarks.md).
     */
    public static InstanceRow of(ReflexObject instance) {
        InstanceView view = InstanceView.of(instance);
        JsonNode lifecycle = instance.field("lifecycle").orElse(MissingNode.getInstance());
        JsonNode address = instance.field("address").orElse(MissingNode.getInstance());
        String host = address.path("host").asText("");
        String port = address.path("port").asText("");
        JsonNode redeploy = lifecycle.path("redeploy");
        Optional<Instant> heartbeat = view.heartbeat().or(instance::updatedAt);
        Duration fresh = seconds(lifecycle.path("ttl")).orElseGet(
                () -> seconds(lifecycle.path("interval")).orElse(DEFAULT_INTERVAL).multipliedBy(3));
        return new InstanceRow(instance.id().orElse(0), view.name(), view.service().intern(),
                host.isEmpty() && port.isEmpty() ? "" : host + ":" + port,
                view.status().intern(),
                view.state().orElse("").intern(),
                lifecycle.path("color").asText(address.path("color").asText("")).intern(),
                view.version().orElse("").intern(),
                view.started(),
                heartbeat,
                heartbeat.map(h -> h.plus(fresh)),
                redeploy.isObject() ? new Redeploy(redeploy.path("id").asText(""), redeploy.path("state").asText(""),
                        redeploy.path("message").asText("")) : Redeploy.NONE);
    }

    private static Optional<Duration> seconds(JsonNode value) {
        return value.asDouble(0) > 0 ? Optional.of(Duration.ofMillis((long) (value.asDouble() * 1000))) : Optional.empty();
    }

    /**
     * A running instance whose last heartbeat is older than its ttl (three intervals when it names none) has
     * probably died without a word; the engine also marks such instances {@code "status": "stale"} itself.
     */
    public boolean stale(Instant now) {
        return status.equals("stale") || running() && staleAfter.isPresent() && staleAfter.get().isBefore(now);
    }

    /** Not {@code stopped} or {@code failed}: an instance that should go on sending heartbeats. */
    boolean running() {
        return !state.equals("stopped") && !state.equals("failed");
    }

    /** How long the instance has been up, as {@code 3d 4h}, {@code 2h 5m} or {@code 40s}. */
    public String uptime(Instant now) {
        return started.map(s -> {
            Duration up = Duration.between(s, now);
            if (up.toDays() > 0) {
                return up.toDays() + "d " + up.toHoursPart() + "h";
            }
            if (up.toHours() > 0) {
                return up.toHours() + "h " + up.toMinutesPart() + "m";
            }
            return up.toMinutes() > 0 ? up.toMinutes() + "m " + up.toSecondsPart() + "s" : Math.max(0, up.toSeconds()) + "s";
        }).orElse("");
    }
}
