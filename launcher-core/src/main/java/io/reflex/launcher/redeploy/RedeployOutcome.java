package io.reflex.launcher.redeploy;

/**
 * How a redeploy ended, as the control socket and endpoint answer it.
 *
 * @param id      the request's id (the coalesced one when several were run together)
 * @param done    true when the new color serves
 * @param color   the color serving afterwards
 * @param message why it failed, empty when done
 */
public record RedeployOutcome(String id, boolean done, int color, String message) {
}
