package io.reflex.launcher.nativeos;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Starts, signals and reaps the children of a supervising launcher, PID 1 style.
 *
 * <p>The launcher marks itself a child subreaper, so orphaned grandchildren are re-parented to it instead of
 * becoming zombies nobody collects, and one thread reaps with {@code waitpid(-1)}. That loop would steal exit
 * statuses from the JDK's own process reaper, so supervise mode never uses {@link ProcessBuilder}: every child is
 * spawned here with {@code posix_spawn}, and the reaper hands each status to the child that owns it.
 */
public final class ChildProcesses implements AutoCloseable {

    private static final long IDLE_NANOS = 20_000_000L;

    private final Object registry = new Object();
    private final Map<Integer, CompletableFuture<ExitStatus>> children = new HashMap<>();
    private final IntConsumer orphanReaped;
    private final Thread reaper;
    private volatile boolean closed;

    private ChildProcesses(IntConsumer orphanReaped) {
        this.orphanReaped = orphanReaped;
        this.reaper = Thread.ofPlatform().daemon().name("launch-reaper").unstarted(this::reapLoop);
    }

    /**
     * Becomes a subreaper and starts reaping.
     *
     * @param orphanReaped told the pid of each collected process the launcher did not start itself
     */
    public static ChildProcesses start(IntConsumer orphanReaped) {
        if (LibC.prctl(LibC.PR_SET_CHILD_SUBREAPER, 1L) != 0) {
            throw new IllegalStateException("prctl(PR_SET_CHILD_SUBREAPER) failed");
        }
        ChildProcesses processes = new ChildProcesses(orphanReaped);
        processes.reaper.start();
        return processes;
    }

    /**
     * Starts {@code request}'s program with an empty signal mask and default signal dispositions, so it reacts to
     * the signals it is sent as it would under a shell.
     *
     * @throws IllegalStateException with the errno text when the program cannot be started
     */
    public NativeChild spawn(SpawnRequest request) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attributes = arena.allocate(LibC.SPAWN_STRUCT_SIZE);
            MemorySegment actions = arena.allocate(LibC.SPAWN_STRUCT_SIZE);
            LibC.spawnAttributes(attributes, (short) (LibC.POSIX_SPAWN_SETSIGDEF | LibC.POSIX_SPAWN_SETSIGMASK),
                    arena.allocate(LibC.SIGSET_SIZE), LibC.fullSignalSet(arena));
            LibC.fileActions(actions);
            try {
                LibC.addChdir(actions, arena.allocateFrom(request.directory().toString()));
                int[] stdinPipe = request.stdin().isPresent() ? pipe(arena) : null;
                if (stdinPipe != null) {
                    LibC.addDup2(actions, stdinPipe[0], 0);
                }
                OpenFiles.closeOnExec();
                MemorySegment pidCell = LibC.intCell(arena);
                synchronized (registry) {
                    int error = LibC.posixSpawn(pidCell, arena.allocateFrom(request.executable().toString()), actions,
                            attributes, LibC.stringArray(arena, request.argv()),
                            LibC.stringArray(arena, Environment.entries(request.environment())));
                    if (stdinPipe != null) {
                        LibC.close(stdinPipe[0]);
                    }
                    if (error != 0) {
                        if (stdinPipe != null) {
                            LibC.close(stdinPipe[1]);
                        }
                        throw new IllegalStateException("Cannot start " + request.executable() + ": "
                                + Errno.describe(error));
                    }
                    int pid = pidCell.get(ValueLayout.JAVA_INT, 0);
                    CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
                    children.put(pid, exit);
                    if (stdinPipe != null) {
                        feed(stdinPipe[1], request.stdin().orElseThrow());
                    }
                    return new NativeChild(pid, exit);
                }
            } finally {
                LibC.destroyFileActions(actions);
                LibC.destroySpawnAttributes(attributes);
            }
        }
    }

    /** Sends {@code signal}; a child that already exited is not an error. */
    public void signal(int pid, int signal) {
        try (Arena arena = Arena.ofConfined()) {
            LibC.kill(LibC.callState(arena), pid, signal);
        }
    }

    @Override
    public void close() {
        closed = true;
        reaper.interrupt();
    }

    private void reapLoop() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = LibC.callState(arena);
            MemorySegment status = LibC.intCell(arena);
            while (!closed) {
                int pid = LibC.waitpid(state, -1, status, 0);
                if (pid > 0) {
                    deliver(pid, ExitStatus.fromWaitStatus(status.get(ValueLayout.JAVA_INT, 0)));
                } else if (LibC.errno(state) == LibC.ECHILD) {
                    LockSupport.parkNanos(IDLE_NANOS);
                }
            }
        }
    }

    private void deliver(int pid, ExitStatus status) {
        CompletableFuture<ExitStatus> exit;
        synchronized (registry) {
            exit = children.remove(pid);
        }
        if (exit == null) {
            orphanReaped.accept(pid);
        } else {
            exit.complete(status);
        }
    }

    private static int[] pipe(Arena arena) {
        MemorySegment state = LibC.callState(arena);
        MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
        if (LibC.pipe2(state, fds, LibC.O_CLOEXEC) != 0) {
            throw new LibC.NativeError("pipe2", LibC.errno(state));
        }
        return new int[] {fds.getAtIndex(ValueLayout.JAVA_INT, 0), fds.getAtIndex(ValueLayout.JAVA_INT, 1)};
    }

    /** Writes on its own thread: a payload larger than the pipe buffer would block until the child reads. */
    private static void feed(int fd, byte[] bytes) {
        Thread.ofPlatform().daemon().name("launch-stdin").start(() -> {
            try (Arena arena = Arena.ofConfined()) {
                Stdin.writeFully(arena, fd, bytes);
            } catch (RuntimeException ignored) {
                // the child closed its stdin early; it chose not to read the rest
            } finally {
                LibC.close(fd);
            }
        });
    }
}
