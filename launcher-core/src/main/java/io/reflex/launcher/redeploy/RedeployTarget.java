package io.reflex.launcher.redeploy;

import java.util.Optional;

/**
 * What a redeploy should run instead of the service as it stands.
 *
 * @param build  shown as the new color's version and given to it as {@code APP_BUILD}
 * @param config the top config to flatten instead of the service's own
 */
public record RedeployTarget(Optional<String> build, Optional<String> config) {

    public static final RedeployTarget CURRENT = new RedeployTarget(Optional.empty(), Optional.empty());
}
