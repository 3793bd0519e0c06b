package io.reflex.launcher.nativeos;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The few native calls the JDK does not offer: replacing the process image, spawning children the JDK's reaper
 * does not own, reaping, signalling.
 *
 * <p>Linking an FFM downcall generates code for its signature, 5 to 30 ms of CPU each at start-up, and exec mode
 * alone needed five signatures (more than the rest of its start on a slow machine). So every plain system call
 * goes through one downcall, glibc's {@code syscall(2)} with five {@code long} arguments, linked once and called with
 * {@code invokeExact}; {@link SystemCall} holds the system call numbers of x86-64 and aarch64 Linux. Only the glibc
 * library functions that are not system calls ({@code posix_spawn} and its helpers, {@code sigfillset}) have
 * bindings of their own, linked on first use.
 *
 * <p>Every call captures {@code errno} in the same downcall; reading it later would see whatever the JVM did in
 * between.
 */
final class LibC {

    static final int F_GETFD = 1;
    static final int F_SETFD = 2;
    static final int FD_CLOEXEC = 1;
    static final int CLOSE_RANGE_CLOEXEC = 4;
    static final int SIG_BLOCK = 0;
    static final int SIG_SETMASK = 2;
    static final int PR_SET_CHILD_SUBREAPER = 36;
    static final int PRIO_PROCESS = 0;
    static final int ECHILD = 10;
    static final int EINTR = 4;
    static final int WNOHANG = 1;
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    static final int MFD_CLOEXEC = 1;
    static final int O_CLOEXEC = 02000000;
    /** glibc's sigset_t is 1024 bits. */
    static final long SIGSET_SIZE = 128;
    /** The kernel's sigset_t (64 signals), which rt_sigprocmask checks its size argument against. */
    static final long KERNEL_SIGSET_SIZE = 8;
    /** Larger than glibc's posix_spawnattr_t (336) and posix_spawn_file_actions_t (80) on x86-64 and aarch64. */
    static final long SPAWN_STRUCT_SIZE = 512;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    private static final Binding SYSCALL = bind("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            ERRNO_OPTION, Linker.Option.firstVariadicArg(1));
    /** For the calls whose callers do not read errno: each thread's own, since a capture needs somewhere to write. */
    private static final ThreadLocal<MemorySegment> UNREAD_STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CALL_STATE));
    private static final Binding SIGFILLSET = bind("sigfillset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final Binding SPAWN = bind("posix_spawn",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final Binding SPAWNATTR_INIT = bind("posix_spawnattr_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final Binding SPAWNATTR_DESTROY = bind("posix_spawnattr_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final Binding SPAWNATTR_SETFLAGS = bind("posix_spawnattr_setflags", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
    private static final Binding SPAWNATTR_SETSIGMASK = bind("posix_spawnattr_setsigmask", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final Binding SPAWNATTR_SETSIGDEFAULT = bind("posix_spawnattr_setsigdefault", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final Binding FILE_ACTIONS_INIT = bind("posix_spawn_file_actions_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final Binding FILE_ACTIONS_DESTROY = bind("posix_spawn_file_actions_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final Binding FILE_ACTIONS_ADDDUP2 = bind("posix_spawn_file_actions_adddup2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final Binding FILE_ACTIONS_ADDCHDIR = bind("posix_spawn_file_actions_addchdir_np",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));

    private LibC() {
    }

    /** A libc function linked on first use, since linking generates code: a command that never spawns pays nothing. */
    private static final class Binding {
        private final String name;
        private final FunctionDescriptor descriptor;
        private final Linker.Option[] options;
        private volatile MethodHandle handle;

        Binding(String name, FunctionDescriptor descriptor, Linker.Option... options) {
            this.name = name;
            this.descriptor = descriptor;
            this.options = options;
        }

        MethodHandle handle() {
            MethodHandle linked = handle;
            return linked != null ? linked : link();
        }

        /** Synchronized: a caller that finds the background thread linking waits for it rather than link twice. */
        private synchronized MethodHandle link() {
            MethodHandle linked = handle;
            if (linked == null) {
                MemorySegment symbol = LOOKUP.find(name)
                        .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
                linked = LINKER.downcallHandle(symbol, descriptor, options);
                handle = linked;
            }
            return linked;
        }
    }

    /** A failed call: the function name and its errno, turned into text by the caller. */
    static final class NativeError extends RuntimeException {
        private final int errno;

        NativeError(String function, int errno) {
            super(function + " failed: " + Errno.describe(errno));
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }

    static MemorySegment callState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** Returns only on failure, with errno. */
    static int execve(MemorySegment state, MemorySegment path, MemorySegment argv, MemorySegment envp) {
        return (int) syscall(state, SystemCall.EXECVE, path.address(), argv.address(), envp.address(), 0);
    }

    static int fcntl(int fd, int command, int argument) {
        return (int) syscall(SystemCall.FCNTL, fd, command, argument);
    }

    /**
     * Links the one system call downcall and makes a harmless call through it, so that the code generation this
     * costs happens on another thread while the engine is asked for the service.
     */
    static void prepareExec() {
        syscall(SystemCall.RT_SIGPROCMASK, SIG_BLOCK, 0, 0, KERNEL_SIGSET_SIZE);
    }

    /** {@code close_range(first, ~0, CLOSE_RANGE_CLOEXEC)}; false when the kernel lacks it (before 5.11). */
    static boolean closeOnExecFrom(int first) {
        return syscall(SystemCall.CLOSE_RANGE, first, -1, CLOSE_RANGE_CLOEXEC) == 0;
    }

    /** Unblocks every signal in the calling thread, so that the program exec'd next starts with none blocked. */
    static int clearSignalMask(Arena arena) {
        MemorySegment empty = arena.allocate(KERNEL_SIGSET_SIZE);
        return (int) syscall(SystemCall.RT_SIGPROCMASK, SIG_SETMASK, empty.address(), 0, KERNEL_SIGSET_SIZE);
    }

    static MemorySegment fullSignalSet(Arena arena) {
        MemorySegment set = arena.allocate(SIGSET_SIZE);
        invoke(SIGFILLSET, set);
        return set;
    }

    static int kill(MemorySegment state, int pid, int signal) {
        return (int) syscall(state, SystemCall.KILL, pid, signal, 0, 0);
    }

    static int waitpid(MemorySegment state, int pid, MemorySegment status, int options) {
        return (int) syscall(state, SystemCall.WAIT4, pid, status.address(), options, 0);
    }

    /** {@code setpriority(PRIO_PROCESS, tid, niceness)}: on Linux this changes that one thread. */
    static int setThreadNiceness(long tid, int niceness) {
        return (int) syscall(SystemCall.SETPRIORITY, PRIO_PROCESS, tid, niceness);
    }

    static int prctl(int option, long argument) {
        return (int) syscall(SystemCall.PRCTL, option, argument, 0);
    }

    static int chdir(MemorySegment state, MemorySegment path) {
        return (int) syscall(state, SystemCall.CHDIR, path.address(), 0, 0, 0);
    }

    static int pipe2(MemorySegment state, MemorySegment fds, int flags) {
        return (int) syscall(state, SystemCall.PIPE2, fds.address(), flags, 0, 0);
    }

    static long write(MemorySegment state, int fd, MemorySegment buffer, long count) {
        return syscall(state, SystemCall.WRITE, fd, buffer.address(), count, 0);
    }

    static int close(int fd) {
        return (int) syscall(SystemCall.CLOSE, fd, 0, 0);
    }

    /** {@code dup2}, made with {@code dup3}, which aarch64 has instead; like dup2, a no-op when both are equal. */
    static int dup2(MemorySegment state, int from, int to) {
        return from == to ? to : (int) syscall(state, SystemCall.DUP3, from, to, 0, 0);
    }

    static long rewind(int fd) {
        return syscall(SystemCall.LSEEK, fd, 0, 0);
    }

    static int memfdCreate(MemorySegment state, MemorySegment name, int flags) {
        return (int) syscall(state, SystemCall.MEMFD_CREATE, name.address(), flags, 0, 0);
    }

    /** Returns an errno value directly, as posix_spawn does; 0 on success. */
    static int posixSpawn(MemorySegment pid, MemorySegment path, MemorySegment fileActions, MemorySegment attributes,
                          MemorySegment argv, MemorySegment envp) {
        return (int) invoke(SPAWN, pid, path, fileActions, attributes, argv, envp);
    }

    static void spawnAttributes(MemorySegment attributes, short flags, MemorySegment mask, MemorySegment defaults) {
        check("posix_spawnattr_init", (int) invoke(SPAWNATTR_INIT, attributes));
        check("posix_spawnattr_setflags", (int) invoke(SPAWNATTR_SETFLAGS, attributes, flags));
        check("posix_spawnattr_setsigmask", (int) invoke(SPAWNATTR_SETSIGMASK, attributes, mask));
        check("posix_spawnattr_setsigdefault", (int) invoke(SPAWNATTR_SETSIGDEFAULT, attributes, defaults));
    }

    static void destroySpawnAttributes(MemorySegment attributes) {
        invoke(SPAWNATTR_DESTROY, attributes);
    }

    static void fileActions(MemorySegment actions) {
        check("posix_spawn_file_actions_init", (int) invoke(FILE_ACTIONS_INIT, actions));
    }

    static void addDup2(MemorySegment actions, int from, int to) {
        check("posix_spawn_file_actions_adddup2", (int) invoke(FILE_ACTIONS_ADDDUP2, actions, from, to));
    }

    static void addChdir(MemorySegment actions, MemorySegment path) {
        check("posix_spawn_file_actions_addchdir_np", (int) invoke(FILE_ACTIONS_ADDCHDIR, actions, path));
    }

    static void destroyFileActions(MemorySegment actions) {
        invoke(FILE_ACTIONS_DESTROY, actions);
    }

    /** A NULL-terminated {@code char *[]} of C strings, as execve and posix_spawn take. */
    static MemorySegment stringArray(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    static MemorySegment intCell(Arena arena) {
        return arena.allocate(ValueLayout.JAVA_INT);
    }

    private static void check(String function, int result) {
        if (result != 0) {
            throw new NativeError(function, result);
        }
    }

    private static Binding bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return new Binding(name, descriptor, options);
    }

    /** A system call whose errno the caller does not read. */
    private static long syscall(SystemCall call, long first, long second, long third) {
        return syscall(UNREAD_STATE.get(), call, first, second, third, 0);
    }

    private static long syscall(SystemCall call, long first, long second, long third, long fourth) {
        return syscall(UNREAD_STATE.get(), call, first, second, third, fourth);
    }

    /** Returns what the kernel returned, or -1 with errno in {@code state}, as glibc's wrappers do. */
    private static long syscall(MemorySegment state, SystemCall call, long first, long second, long third, long fourth) {
        try {
            return (long) SYSCALL.handle().invokeExact(state, call.number(), first, second, third, fourth);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Object invoke(Binding binding, Object... arguments) {
        try {
            return binding.handle().invokeWithArguments(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
