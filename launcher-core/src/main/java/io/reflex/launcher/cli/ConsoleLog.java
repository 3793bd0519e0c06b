package io.reflex.launcher.cli;

import io.reflex.launcher.log.LaunchLog;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Log lines on stderr with the original's {@code YYYY-MM-DD HH:MM:SS } prefix (or none with {@code --notime}). */
final class ConsoleLog implements LaunchLog {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss ");

    private final PrintStream err;
    private final boolean notime;
    private final boolean debug;
    private final Clock clock;

    ConsoleLog(PrintStream err, boolean notime, boolean debug, Clock clock) {
        this.err = err;
        this.notime = notime;
        this.debug = debug;
        this.clock = clock;
    }

    @Override
    public void info(String line) {
        err.println((notime ? "" : STAMP.format(LocalDateTime.now(clock))) + line);
        err.flush();
    }

    @Override
    public void debug(String line) {
        if (debug) {
            info(line);
        }
    }

    @Override
    public boolean debugEnabled() {
        return debug;
    }

    /** The one line a fatal error prints, in the original's words. */
    void abort(String message) {
        err.println("Reflex ABORT: " + message);
        err.flush();
    }
}
