package io.reflex.launcher.nativeos;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the JVM's descriptors (jar files, sockets, the engine connection) out of the app: a new program inherits
 * every descriptor that is not close-on-exec, and the JVM does not mark all of its own.
 */
final class OpenFiles {

    private static final Path FD_DIR = Path.of("/proc/self/fd");

    private OpenFiles() {
    }

    /**
     * Marks every descriptor above stderr close-on-exec: with one {@code close_range} call where the kernel has
     * it, else one by one from {@code /proc/self/fd} (the ones that vanish while we look are skipped).
     */
    static void closeOnExec() {
        if (LibC.closeOnExecFrom(3)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(FD_DIR)) {
            for (Path entry : entries) {
                int fd = Integer.parseInt(entry.getFileName().toString());
                if (fd > 2) {
                    int flags = LibC.fcntl(fd, LibC.F_GETFD, 0);
                    if (flags >= 0 && (flags & LibC.FD_CLOEXEC) == 0) {
                        LibC.fcntl(fd, LibC.F_SETFD, flags | LibC.FD_CLOEXEC);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + FD_DIR + ": " + e.getMessage(), e);
        }
    }
}
