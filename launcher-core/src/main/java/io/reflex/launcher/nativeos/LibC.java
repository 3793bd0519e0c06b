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
 * The few glibc calls the JDK does not offer: replacing the process image, spawning children the JDK's reaper
 * does not own, reaping, signalling. Each function is linked on first use, so a command pays only for what it calls.
 *
 * <p>Every call that can fail captures {@code errno} in the same downcall; reading it later would see whatever
 * the JVM did in between.
 */
final class LibC {

    static final int F_GETFD = 1;
    static final int F_SETFD = 2;
    static final int FD_CLOEXEC = 1;
    static final int CLOSE_RANGE_CLOEXEC = 4;
    static final int SIG_BLOCK = 0;
    static final int SIG_SETMASK = 2;
    static final int PR_SET_CHILD_SUBREAPER = 36;
    static final int ECHILD = 10;
    static final int EINTR = 4;
    static final int WNOHANG = 1;
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    static final int MFD_CLOEXEC = 1;
    static final int O_CLOEXEC = 02000000;
    /** glibc's sigset_t is 1024 bits. */
    static final long SIGSET_SIZE = 128;
    /** Larger than glibc's posix_spawnattr_t (336) and posix_spawn_file_actions_t (80) on x86-64 and aarch64. */
    static final long SPAWN_STRUCT_SIZE = 512;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    private static final Binding EXECVE = errnoCall("execve", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    private static final Binding FCNTL = bind("fcntl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    /** Linux 5.11+, glibc 2.34+: marks a whole range of descriptors close-on-exec in one call. */
    private static final Binding CLOSE_RANGE = bind("close_range", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final Binding PTHREAD_SIGMASK = bind("pthread_sigmask", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final Binding SIGFILLSET = bind("sigfillset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final Binding KILL = errnoCall("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final Binding WAITPID = errnoCall("waitpid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final Binding PRCTL = bind("prctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG),
            Linker.Option.firstVariadicArg(1));
    private static final Binding CHDIR = errnoCall("chdir", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final Binding GETPID = bind("getpid", FunctionDescriptor.of(JAVA_INT));
    private static final Binding PIPE2 = errnoCall("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final Binding WRITE = errnoCall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final Binding CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final Binding DUP2 = errnoCall("dup2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final Binding LSEEK = bind("lseek", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final Binding MEMFD_CREATE = errnoCall("memfd_create", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
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

    /**
     * A libc function linked on first use. Linking generates code; exec mode needs four of these functions, and
     * linking all of them up front cost a visible part of the start-up.
     */
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

        boolean available() {
            return handle != null || LOOKUP.find(name).isPresent();
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
        return (int) invoke(EXECVE, state, path, argv, envp);
    }

    static int fcntl(int fd, int command, int argument) {
        return (int) invoke(FCNTL, fd, command, argument);
    }

    /**
     * Links what exec mode calls (and runs the harmless ones once), so that the code generation this costs
     * (about 20 ms) can happen on another thread while the engine is asked for the service.
     */
    static void prepareExec() {
        EXECVE.handle();
        CHDIR.handle();
        if (CLOSE_RANGE.available()) {
            CLOSE_RANGE.handle();
        }
        invoke(FCNTL, 0, F_GETFD, 0);
        invoke(PTHREAD_SIGMASK, SIG_BLOCK, MemorySegment.NULL, MemorySegment.NULL);
    }

    /** {@code close_range(first, ~0, CLOSE_RANGE_CLOEXEC)}; false when libc or the kernel lacks it. */
    static boolean closeOnExecFrom(int first) {
        return CLOSE_RANGE.available() && (int) invoke(CLOSE_RANGE, first, -1, CLOSE_RANGE_CLOEXEC) == 0;
    }

    static int clearSignalMask(Arena arena) {
        return (int) invoke(PTHREAD_SIGMASK, SIG_SETMASK, arena.allocate(SIGSET_SIZE), MemorySegment.NULL);
    }

    static MemorySegment fullSignalSet(Arena arena) {
        MemorySegment set = arena.allocate(SIGSET_SIZE);
        invoke(SIGFILLSET, set);
        return set;
    }

    static int kill(MemorySegment state, int pid, int signal) {
        return (int) invoke(KILL, state, pid, signal);
    }

    static int waitpid(MemorySegment state, int pid, MemorySegment status, int options) {
        return (int) invoke(WAITPID, state, pid, status, options);
    }

    static int prctl(int option, long argument) {
        return (int) invoke(PRCTL, option, argument);
    }

    static int chdir(MemorySegment state, MemorySegment path) {
        return (int) invoke(CHDIR, state, path);
    }

    static int getpid() {
        return (int) invoke(GETPID);
    }

    static int pipe2(MemorySegment state, MemorySegment fds, int flags) {
        return (int) invoke(PIPE2, state, fds, flags);
    }

    static long write(MemorySegment state, int fd, MemorySegment buffer, long count) {
        return (long) invoke(WRITE, state, fd, buffer, count);
    }

    static int close(int fd) {
        return (int) invoke(CLOSE, fd);
    }

    static int dup2(MemorySegment state, int from, int to) {
        return (int) invoke(DUP2, state, from, to);
    }

    static long rewind(int fd) {
        return (long) invoke(LSEEK, fd, 0L, 0);
    }

    static int memfdCreate(MemorySegment state, MemorySegment name, int flags) {
        return (int) invoke(MEMFD_CREATE, state, name, flags);
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

    private static Binding errnoCall(String name, FunctionDescriptor descriptor) {
        return bind(name, descriptor, ERRNO_OPTION);
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
