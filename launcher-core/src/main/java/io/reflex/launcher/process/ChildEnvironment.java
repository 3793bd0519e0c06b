package io.reflex.launcher.process;

import io.reflex.client.config.EnvVar;
import io.reflex.client.config.LaunchPlan;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The app's environment, built by explicit rules rather than "whatever the launcher had":
 *
 * <ol>
 *   <li>start from the launcher's environment;</li>
 *   <li>deny {@code REFLEX_APIKEY} always: it can read the app's secrets and every other service's (reference 9,
 *       item 10 is the leak this closes); likewise {@code REFLEX_CONTROL_TOKEN}, which can redeploy the app;</li>
 *   <li>deny inherited variables named like a sensitive parameter, so a secret set for the launcher does not leak
 *       by name;</li>
 *   <li>add every variable the config's {@code setenv} exports: the config asked for those explicitly, secrets
 *       included.</li>
 * </ol>
 */
public final class ChildEnvironment {

    public static final String APIKEY = "REFLEX_APIKEY";
    public static final String CONTROL_TOKEN = "REFLEX_CONTROL_TOKEN";

    private ChildEnvironment() {
    }

    public static Map<String, String> build(Map<String, String> inherited, LaunchPlan plan) {
        Set<String> denied = new HashSet<>();
        denied.add(APIKEY);
        denied.add(CONTROL_TOKEN);
        JsonNode parameters = plan.conf().path("sensitive").path("parameters");
        parameters.fieldNames().forEachRemaining(denied::add);

        Map<String, String> child = new LinkedHashMap<>();
        inherited.forEach((name, value) -> {
            if (!denied.contains(name)) {
                child.put(name, value);
            }
        });
        for (EnvVar variable : plan.environment().values()) {
            if (!APIKEY.equals(variable.name())) {
                child.put(variable.name(), variable.value());
            }
        }
        return child;
    }

    /** For actions and hooks that get no config variables: the inherited environment minus the apikey. */
    public static Map<String, String> withoutApikey(Map<String, String> inherited) {
        Map<String, String> child = new LinkedHashMap<>(inherited);
        child.remove(APIKEY);
        return child;
    }
}
