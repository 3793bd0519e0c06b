package io.reflex.launcher.proxy;

import io.reflex.launcher.log.LaunchLog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the proxy's log lines so tests can assert what an operator would read. */
final class RecordingLog implements LaunchLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    List<String> lines() {
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
