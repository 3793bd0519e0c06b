package io.reflex.launcher.cli;

import io.reflex.launcher.log.LaunchLog;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Log lines on stderr with the original's {@code YYYY-MM-DD HH:MM:SS } prefix (none with {@code --notime}), or
 * JSON lines with {@code --logfmt json}.
 */
final class ConsoleLog implements LaunchLog {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss ");

    private final PrintStream err;
    private final boolean notime;
    private final boolean json;
    private final boolean debug;
    private final Clock clock;

    ConsoleLog(PrintStream err, boolean notime, boolean json, boolean debug, Clock clock) {
        this.err = err;
        this.notime = notime;
        this.json = json;
        this.debug = debug;
        this.clock = clock;
    }

    @Override
    public void info(String line) {
        err.println(json ? jsonLine("info", line) : (notime ? "" : STAMP.format(LocalDateTime.now(clock))) + line);
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
        err.println(json ? jsonLine("error", "Reflex ABORT: " + message) : "Reflex ABORT: " + message);
        err.flush();
    }

    /** One JSON object per line, for log collectors; {@code --notime} drops the time as in text mode. */
    private String jsonLine(String level, String message) {
        String time = notime ? "" : "\"time\":\"" + clock.instant() + "\",";
        return "{" + time + "\"level\":\"" + level + "\",\"msg\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}";
    }
}
