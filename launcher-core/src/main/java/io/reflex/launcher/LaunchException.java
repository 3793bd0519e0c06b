package io.reflex.launcher;

import java.util.Objects;

/**
 * A launch cannot go on. The message is the one line the user sees after {@code Reflex ABORT: }; the reason picks
 * the exit code. Only the CLI turns it into output.
 */
public final class LaunchException extends RuntimeException {

    private final ExitReason reason;

    public LaunchException(ExitReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public LaunchException(ExitReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ExitReason reason() {
        return reason;
    }
}
