package io.reflex.launcher.nativeos;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Delivers a config document on a program's standard input. Exec mode uses an in-memory file, because after
 * {@code execve} nobody is left to feed a pipe; a supervised child gets a pipe written by a launcher thread.
 */
final class Stdin {

    private Stdin() {
    }

    /** Makes descriptor 0 of this process an anonymous file holding {@code bytes}, positioned at its start. */
    static void replaceWith(Arena arena, byte[] bytes) {
        MemorySegment state = LibC.callState(arena);
        int fd = LibC.memfdCreate(state, arena.allocateFrom("launch-stdin"), LibC.MFD_CLOEXEC);
        if (fd < 0) {
            throw new LibC.NativeError("memfd_create", LibC.errno(state));
        }
        writeFully(arena, fd, bytes);
        LibC.rewind(fd);
        if (LibC.dup2(state, fd, 0) < 0) {
            throw new LibC.NativeError("dup2", LibC.errno(state));
        }
        LibC.close(fd);
    }

    static void writeFully(Arena arena, int fd, byte[] bytes) {
        MemorySegment state = LibC.callState(arena);
        MemorySegment buffer = arena.allocate(Math.max(1, bytes.length));
        MemorySegment.copy(bytes, 0, buffer, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
        long offset = 0;
        while (offset < bytes.length) {
            long written = LibC.write(state, fd, buffer.asSlice(offset), bytes.length - offset);
            if (written < 0) {
                if (LibC.errno(state) == LibC.EINTR) {
                    continue;
                }
                throw new LibC.NativeError("write", LibC.errno(state));
            }
            offset += written;
        }
    }
}
