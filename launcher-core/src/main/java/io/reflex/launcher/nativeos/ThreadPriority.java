package io.reflex.launcher.nativeos;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lowers the CPU priority of some of this process's threads, and so of every thread they start afterwards (Linux
 * threads inherit their creator's nice value). For work that shares the machine with something people wait on,
 * such as an engine inside a desktop window. An unprivileged process may raise a nice value but never lower it again.
 */
public final class ThreadPriority {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** The kernel keeps 15 characters of a thread's name. */
    private static final int COMM_LENGTH = 15;

    private ThreadPriority() {
    }

    /**
     * Gives {@code niceness} (1 to 19) to this process's threads whose names start with {@code prefix}, as the kernel
     * shows them ({@code /proc/self/task/TID/comm}, the first 15 characters). Returns how many it changed; 0 where
     * the system has no such call.
     */
    public static int lowerThreadsNamed(String prefix, int niceness) {
        if (niceness < 1 || niceness > 19) {
            throw new IllegalArgumentException("niceness must be 1 to 19, not " + niceness);
        }
        String shown = prefix.length() > COMM_LENGTH ? prefix.substring(0, COMM_LENGTH) : prefix;
        int changed = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                if (name(task).startsWith(shown)
                        && LibC.setThreadNiceness(Long.parseLong(task.getFileName().toString()), niceness) == 0) {
                    changed++;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalStateException | LinkageError unavailable) {
            // no /proc or no such system call here: the threads keep their priority
        }
        return changed;
    }

    /** A thread's name, or "" when it ended while we looked. */
    private static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }
}
