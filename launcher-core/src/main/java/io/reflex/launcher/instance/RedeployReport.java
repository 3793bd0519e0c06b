package io.reflex.launcher.instance;

import java.time.Instant;

/**
 * The last redeploy as the instance object shows it ({@code lifecycle.redeploy}): what the console and the other
 * instances of a rolling redeploy read.
 *
 * @param id      the request's id (the engine's, or a local one for control-socket and HTTP requests)
 * @param state   {@code queued}, {@code deploying}, {@code done} or {@code failed}
 * @param message why it failed, empty otherwise
 * @param at      when this state began
 */
public record RedeployReport(String id, String state, String message, Instant at) {
}
