package io.reflex.gui.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.reflex.client.ReflexClient;
import io.reflex.client.config.EnvVar;
import io.reflex.client.config.LaunchOutput;
import io.reflex.launcher.log.LaunchLog;
import io.reflex.launcher.plan.EngineCalls;
import io.reflex.launcher.plan.LaunchTarget;
import io.reflex.launcher.plan.PreparedService;
import io.reflex.launcher.plan.ServicePreparer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * What {@code launch config} and {@code launch env} would print for a service run on this machine, computed in the
 * console's process with launcher-core's own preparation: the same engine reads, {@code ${VAR}} substitution and
 * flattening as a real start, but nothing is written and nothing runs.
 *
 * @param config  the merged document, as {@code launch config} prints it
 * @param env     the {@code export KEY="value"} lines of {@code launch env}
 * @param secrets every secret value in the output, longest first, so masking never leaves a tail of one in clear
 */
public record LaunchPreview(String config, String env, List<String> secrets) {
    static final String MASK = "••••••";
    /** Shorter values are not masked: replacing every "1" or "on" in the document would hide more than it protects. */
    private static final int SHORTEST_MASKED = 3;
    /** The preparation reads the pipeline, links, peers and configs side by side, as a real start does. */
    private static final Executor PARALLEL_READS = Executors.newVirtualThreadPerTaskExecutor();

    /** Blocks on the engine, so it runs on a task thread. */
    static LaunchPreview compute(ReflexClient client, String service, Map<String, String> environment) {
        EngineCalls calls = new EngineCalls(Duration.ofSeconds(5), Clock.systemUTC(), new SilentLog(),
                PARALLEL_READS);
        PreparedService prepared = new ServicePreparer(client, calls).prepare(
                new LaunchTarget(service, Optional.empty()), environment, ServicePreparer.LocalDirs::none, true);
        Set<String> secrets = new TreeSet<>((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
        for (EnvVar variable : prepared.plan().setenv().values()) {
            if (variable.sensitive()) {
                secrets.add(variable.value());
            }
        }
        collectText(prepared.plan().conf().path("sensitive"), secrets);
        List<String> masked = new ArrayList<>();
        for (String secret : secrets) {
            if (secret.length() >= SHORTEST_MASKED) {
                masked.add(secret);
                String quoted = JsonNodeFactory.instance.textNode(secret).toString();
                masked.add(quoted.substring(1, quoted.length() - 1));
            }
        }
        return new LaunchPreview(
                LaunchOutput.config(prepared.pipeline().json(), prepared.service().json(), prepared.plan()),
                LaunchOutput.env(prepared.plan(), true), List.copyOf(masked));
    }

    private static void collectText(JsonNode node, Set<String> into) {
        if (node.isValueNode()) {
            into.add(node.asText());
        }
        node.forEach(child -> collectText(child, into));
    }

    /** The text with every secret value replaced by the mask. */
    public static String mask(String text, List<String> secrets) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** The preparation's log lines are for a real start; a preview has no log to write them to. */
    private static final class SilentLog implements LaunchLog {
        @Override
        public void info(String line) {}

        @Override
        public void debug(String line) {}

        @Override
        public boolean debugEnabled() {
            return false;
        }
    }
}
