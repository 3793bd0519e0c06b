package io.reflex.launcher.redeploy;

import java.time.Instant;
import java.util.UUID;

/**
 * One ask for a redeploy.
 *
 * @param id     the engine's request id, or a fresh local one
 * @param target what to deploy
 * @param by     where it came from ({@code engine}, {@code socket}, {@code http}), for the log
 */
public record RedeployRequest(String id, RedeployTarget target, String by) {

    public static final String ENGINE = "engine";

    public static RedeployRequest local(RedeployTarget target, String by) {
        return new RedeployRequest("rd-" + Instant.now() + "-" + UUID.randomUUID().toString().substring(0, 4), target, by);
    }

    /**
     * This request and a later one as one run: the later target wins, but an engine id is kept, since the other
     * instances of a rolling redeploy wait to see that id finished.
     */
    RedeployRequest coalesce(RedeployRequest later) {
        if (by.equals(ENGINE) && !later.by().equals(ENGINE)) {
            return new RedeployRequest(id, later.target(), by);
        }
        return later;
    }
}
