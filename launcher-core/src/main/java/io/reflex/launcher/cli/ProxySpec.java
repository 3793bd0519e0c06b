package io.reflex.launcher.cli;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.plan.PipelineLaunch;
import io.reflex.launcher.redeploy.RedeploySettings;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * The redeploy proxy's settings: the pipeline's {@code launch.proxy} object, each overridden by its command-line
 * option. Read in one place, like {@link LifecycleSpec}, so the redeploy classes never see JSON or options.
 */
final class ProxySpec {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DRAIN = Duration.ofSeconds(30);

    private ProxySpec() {
    }

    /** Empty when neither {@code --proxy} nor {@code launch.proxy} asks for the proxy. */
    static Optional<RedeploySettings> of(PipelineLaunch launch, Arguments arguments) {
        RedeployOptions options = arguments.redeploy();
        JsonNode proxy = launch.field("proxy");
        if (options.proxy().isEmpty() && !proxy.isObject()) {
            return Optional.empty();
        }
        String listen = options.proxy().filter(value -> !value.isEmpty())
                .or(() -> text(proxy, "listen"))
                .or(() -> text(launch.json(), "port"))
                .orElseThrow(() -> new LaunchException(ExitReason.BAD_CONFIG,
                        "The redeploy proxy needs a port: --proxy PORT, launch.proxy.listen or launch.port"));
        Optional<String> health = options.health().or(() -> text(proxy, "health"));
        health.filter(path -> !path.startsWith("/")).ifPresent(path -> {
            throw new LaunchException(ExitReason.BAD_CONFIG, "proxy health must be a path starting with /, not " + path);
        });
        try {
            return Optional.of(new RedeploySettings(address("proxy listen", listen), health,
                    options.expect().orElse(proxy.path("expect").asInt(200)),
                    options.warmup().orElse(duration(proxy, "warmup", Duration.ZERO)),
                    options.readyTimeout().orElse(duration(proxy, "ready-timeout", READY_TIMEOUT)),
                    options.drain().orElse(duration(proxy, "drain", DRAIN)), arguments.grace()));
        } catch (IllegalArgumentException e) {
            throw new LaunchException(ExitReason.BAD_CONFIG, e.getMessage(), e);
        }
    }

    /** {@code PORT} (on every interface) or {@code HOST:PORT}. */
    static InetSocketAddress address(String what, String text) {
        int colon = text.lastIndexOf(':');
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return colon < 0 ? new InetSocketAddress(port) : new InetSocketAddress(text.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new LaunchException(ExitReason.USAGE, what + ": not a [HOST:]PORT: " + text);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Duration duration(JsonNode proxy, String field, Duration fallback) {
        return text(proxy, field).map(value -> Arguments.duration("launch.proxy." + field, value)).orElse(fallback);
    }
}
