package io.reflex.launcher.log;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps log lines in memory so tests can assert what an operator would read. */
public final class RecordingLog implements LaunchLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public List<String> lines() {
        return lines;
    }

    @Override
    public void info(String line) {
        lines.add(line);
    }

    @Override
    public void debug(String line) {
        lines.add(line);
    }

    @Override
    public boolean debugEnabled() {
        return true;
    }
}
