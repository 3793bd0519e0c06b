package io.reflex.launcher.log;

/**
 * The launcher's human log: one line per event on stderr, as the original printed them. Features write here and
 * never to the console directly, so tests and the JSON format can take the lines elsewhere.
 */
public interface LaunchLog {

    void info(String line);

    /** Lines only shown with {@code --debug}; they may hold values that are otherwise kept out of logs. */
    void debug(String line);

    boolean debugEnabled();
}
