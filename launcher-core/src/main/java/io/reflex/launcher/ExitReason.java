package io.reflex.launcher;

/**
 * Why a launch stopped before (or instead of) the app running, each with its own exit code so that Docker,
 * systemd and scripts can tell "fix the config" from "the engine was down, try again" without parsing text.
 * Supervise mode passes the app's own exit code through instead; these codes only describe the launcher.
 */
public enum ExitReason {
    /** Anything not classified below. */
    FAILED(1),
    /** The service does not exist on the engine. */
    UNKNOWN_SERVICE(2),
    /** REFLEX_APIKEY was refused, or does not permit reading the service. */
    AUTHENTICATION(3),
    /** The engine did not answer within {@code --wait}. */
    ENGINE_UNREACHABLE(4),
    /** The pipeline, its launch section or a config cannot be used (missing, cyclic variables, bad fields). */
    BAD_CONFIG(5),
    /** The program to run (or its rundir) is missing or not executable. */
    EXEC_NOT_FOUND(6),
    /** The config files cannot be written into the cfgdir. */
    CFGDIR_NOT_WRITABLE(7),
    /** A Reflex Action (pre-init or the action target) failed. */
    ACTION_FAILED(8),
    /** A supervised component did not become ready, or a stop was forced. */
    LIFECYCLE_FAILED(9),
    /** The command line itself is wrong. */
    USAGE(64);

    private final int code;

    ExitReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
