package io.reflex.launcher.cli;

import java.time.Duration;
import java.util.Optional;

/**
 * The redeploy proxy's options ({@code launch service --proxy}) and {@code launch redeploy}'s, each overriding the
 * pipeline's {@code launch.proxy} setting of the same name (docs/redeploy.md).
 *
 * @param proxy        {@code --proxy [HOST:]PORT}: present turns the proxy on; an empty value takes the listen
 *                     address from the pipeline
 * @param health       {@code --health PATH}
 * @param expect       {@code --expect STATUS}
 * @param warmup       {@code --warmup DURATION}
 * @param readyTimeout {@code --ready-timeout DURATION}
 * @param drain        {@code --drain DURATION}
 * @param control      {@code --control [HOST:]PORT}: the authenticated HTTP control endpoint
 * @param instance     {@code --instance NAME}: the instance's name instead of {@code SERVICE-HOSTNAME}
 * @param build        {@code launch redeploy --build VERSION}
 */
public record RedeployOptions(Optional<String> proxy, Optional<String> health, Optional<Integer> expect,
                              Optional<Duration> warmup, Optional<Duration> readyTimeout, Optional<Duration> drain,
                              Optional<String> control, Optional<String> instance, Optional<String> build) {

    static final RedeployOptions NONE = new RedeployOptions(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Whether {@code value} can follow {@code --proxy} as its address rather than being the next argument. */
    static boolean isAddress(String value) {
        return value.matches("([^\\s-][^\\s]*:)?\\d{1,5}");
    }

    RedeployOptions with(String option, String value) {
        return switch (option) {
            case "--proxy" -> new RedeployOptions(Optional.of(value), health, expect, warmup, readyTimeout, drain,
                    control, instance, build);
            case "--health" -> new RedeployOptions(proxy, Optional.of(value), expect, warmup, readyTimeout, drain,
                    control, instance, build);
            case "--expect" -> new RedeployOptions(proxy, health, Optional.of(status(value)), warmup, readyTimeout,
                    drain, control, instance, build);
            case "--warmup" -> new RedeployOptions(proxy, health, expect, Optional.of(Arguments.duration(option, value)),
                    readyTimeout, drain, control, instance, build);
            case "--ready-timeout" -> new RedeployOptions(proxy, health, expect, warmup,
                    Optional.of(Arguments.duration(option, value)), drain, control, instance, build);
            case "--drain" -> new RedeployOptions(proxy, health, expect, warmup, readyTimeout,
                    Optional.of(Arguments.duration(option, value)), control, instance, build);
            case "--control" -> new RedeployOptions(proxy, health, expect, warmup, readyTimeout, drain,
                    Optional.of(value), instance, build);
            case "--instance" -> new RedeployOptions(proxy, health, expect, warmup, readyTimeout, drain, control,
                    Optional.of(value), build);
            case "--build" -> new RedeployOptions(proxy, health, expect, warmup, readyTimeout, drain, control,
                    instance, Optional.of(value));
            default -> throw new IllegalArgumentException(option);
        };
    }

    private static int status(String value) {
        try {
            int status = Integer.parseInt(value);
            if (status >= 100 && status <= 599) {
                return status;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Arguments.usage("--expect must be an HTTP status (100-599), not " + value);
    }
}
