package io.reflex.launcher.redeploy;

/**
 * Step 1 of a redeploy: read the service, pipeline and config again, write the files, run the pre-init actions.
 * Kept behind an interface because that part is the launcher's ordinary start sequence, owned by the command line.
 */
@FunctionalInterface
public interface ColorSource {

    /** @throws RuntimeException with a message for the log when the new color cannot be prepared */
    ColorPlan prepare(RedeployTarget target);
}
