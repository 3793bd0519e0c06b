package io.reflex.launcher.redeploy;

import io.reflex.launcher.nativeos.SpawnRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A color ready to start except for its port: the app's program, environment and stop hook as the latest config
 * renders them.
 *
 * @param request  the app; {@code %{PORT}} in its arguments becomes the color's port
 * @param stopHook run before the stop signal, as for any supervised app
 * @param version  the build the color runs, empty when none was asked for
 */
public record ColorPlan(SpawnRequest request, Optional<SpawnRequest> stopHook, String version) {

    /** The app started on {@code port}: {@code PORT} in its environment and {@code %{PORT}} in its arguments. */
    SpawnRequest on(int port) {
        String text = Integer.toString(port);
        List<String> argv = request.argv().stream().map(arg -> arg.replace("%{PORT}", text)).toList();
        Map<String, String> environment = new HashMap<>(request.environment());
        environment.put("PORT", text);
        return new SpawnRequest(request.executable(), argv, environment, request.directory(), request.stdin());
    }
}
