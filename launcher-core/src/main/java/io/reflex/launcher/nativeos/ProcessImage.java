package io.reflex.launcher.nativeos;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exec mode: the app takes over this process, so it keeps the PID that Docker or systemd watch and the JVM's
 * memory is gone. The JDK cannot do this; glibc's {@code execve} through FFM can.
 */
public final class ProcessImage {

    private ProcessImage() {
    }

    /**
     * Starts linking the native calls {@link #replace} makes on a daemon thread, to overlap that work with the
     * engine requests before it. Optional: {@link #replace} links whatever is still missing itself.
     */
    public static void prepareInBackground() {
        Thread.ofPlatform().daemon().name("exec-prepare").start(() -> {
            try {
                LibC.prepareExec();
            } catch (RuntimeException | Error e) {
                // replace() links again and reports the failure where it matters
            }
        });
    }

    /**
     * Replaces the running JVM with {@code executable}. Returns only by throwing.
     *
     * @param directory working directory of the new program
     * @param stdin     bytes the new program reads on its standard input, then end of file
     * @throws IllegalStateException with the errno text when the kernel refuses
     */
    public static void replace(Path executable, List<String> argv, Map<String, String> environment, Path directory,
                               Optional<byte[]> stdin) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = LibC.callState(arena);
            MemorySegment path = arena.allocateFrom(executable.toString());
            MemorySegment args = LibC.stringArray(arena, argv);
            MemorySegment env = LibC.stringArray(arena, Environment.entries(environment));
            if (LibC.chdir(state, arena.allocateFrom(directory.toString())) != 0) {
                throw new LibC.NativeError("chdir " + directory, LibC.errno(state));
            }
            stdin.ifPresent(bytes -> Stdin.replaceWith(arena, bytes));
            OpenFiles.closeOnExec();
            LibC.clearSignalMask(arena);
            LibC.execve(state, path, args, env);
            throw new IllegalStateException("Cannot exec " + executable + ": " + Errno.describe(LibC.errno(state)));
        }
    }
}
