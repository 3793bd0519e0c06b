package io.reflex.launcher.lifecycle;

/**
 * Why a supervised service shut down: the first error wins and becomes the launcher's exit.
 *
 * @param component the component that failed, named in the log
 * @param message   what happened
 * @param exitCode  the launcher's exit code for it
 */
public record Failure(String component, String message, int exitCode) {
}
