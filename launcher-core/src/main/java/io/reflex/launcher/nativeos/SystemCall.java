package io.reflex.launcher.nativeos;

import java.util.Locale;

/**
 * The Linux system calls {@link LibC} makes through {@code syscall(2)}, with their numbers on x86-64
 * ({@code arch/x86/entry/syscalls/syscall_64.tbl}) and on aarch64 (the generic table, {@code asm-generic/unistd.h}).
 * aarch64 has no {@code dup2}, so both use {@code dup3}.
 */
enum SystemCall {
    WRITE(1, 64),
    CLOSE(3, 57),
    LSEEK(8, 62),
    RT_SIGPROCMASK(14, 135),
    EXECVE(59, 221),
    WAIT4(61, 260),
    KILL(62, 129),
    FCNTL(72, 25),
    CHDIR(80, 49),
    SETPRIORITY(141, 140),
    PRCTL(157, 167),
    DUP3(292, 24),
    PIPE2(293, 59),
    MEMFD_CREATE(319, 279),
    CLOSE_RANGE(436, 436);

    private static final String ARCH = System.getProperty("os.arch").toLowerCase(Locale.ROOT);

    private final long x8664;
    private final long aarch64;

    SystemCall(long x8664, long aarch64) {
        this.x8664 = x8664;
        this.aarch64 = aarch64;
    }

    long number() {
        return switch (ARCH) {
            case "amd64", "x86_64" -> x8664;
            case "aarch64", "arm64" -> aarch64;
            default -> throw new UnsupportedOperationException("launch's native calls know the system call numbers"
                    + " of x86-64 and aarch64 Linux, not of " + ARCH);
        };
    }
}
