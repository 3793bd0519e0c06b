package io.reflex.launcher.plan;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;

import java.util.Map;
import java.util.Optional;

/**
 * What to launch: a service, and optionally one of its Reflex Actions ({@code svc:action}).
 *
 * @param service the service name
 * @param action  the action to run instead of the pipeline's exec
 */
public record LaunchTarget(String service, Optional<String> action) {

    /**
     * Reads {@code NAME[:ACTION]}, or {@code REFLEX_SERVICE} from the secrets directory or environment when the
     * command line names none.
     */
    public static LaunchTarget parse(Optional<String> argument, Optional<String> fromSettings) {
        String text = argument.or(() -> fromSettings).filter(value -> !value.isBlank())
                .orElseThrow(() -> new LaunchException(ExitReason.USAGE,
                        "No target defined (either as argument or set as REFLEX_SERVICE)"));
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new LaunchTarget(text, Optional.empty());
        }
        return new LaunchTarget(text.substring(0, colon), Optional.of(text.substring(colon + 1)).filter(a -> !a.isEmpty()));
    }

    /** {@code REFLEX_SERVICE} lookup order, as for the engine settings: the secret file wins over the environment. */
    public static Optional<String> fromSecretsOrEnv(SecretFiles secrets, Map<String, String> environment) {
        return secrets.read("REFLEX_SERVICE")
                .or(() -> Optional.ofNullable(environment.get("REFLEX_SERVICE")).map(String::strip))
                .filter(value -> !value.isEmpty());
    }
}
