package io.reflex.launcher.plan;

import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.client.discovery.Discovery;
import io.reflex.client.discovery.LinkException;
import io.reflex.client.discovery.ResolvedLink;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;

import java.util.List;

/**
 * The service's {@code links}, resolved for the app's environment. Unlike peers, a link is something the app
 * asked for by name, so a link to a service that does not exist stops the launch as a config error instead of
 * starting an app that cannot reach its dependency.
 */
public final class LinkResolution {

    private LinkResolution() {
    }

    /**
     * @throws LaunchException {@link ExitReason#BAD_CONFIG} with the {@link LinkException} as its cause, when a link
     *                         is malformed or names a service that does not exist
     */
    public static List<ResolvedLink> resolve(ReflexClient client, ReflexObject service) {
        try {
            return Discovery.of(client).resolve(service);
        } catch (LinkException e) {
            throw new LaunchException(ExitReason.BAD_CONFIG, e.getMessage(), e);
        }
    }

    /** Whether {@code e} stopped a launch because of the service's links. */
    public static boolean isLinkFailure(LaunchException e) {
        return e.getCause() instanceof LinkException;
    }

    /** The line logged for a link that resolved to no healthy instance: its variables are left unset. */
    public static String unresolvedWarning(ResolvedLink link) {
        return "Link " + link.link().service() + " has no healthy instance; " + link.link().urlVariable() + ", "
                + link.link().hostVariable() + ", " + link.link().portVariable() + " and "
                + link.link().urlsVariable() + " are not set";
    }
}
