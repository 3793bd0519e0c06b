package io.reflex.launcher.nativeos;

/** Names for the errno values a launcher meets, so messages say "ENOENT" rather than a bare number. */
final class Errno {

    private Errno() {
    }

    static String describe(int errno) {
        String name = switch (errno) {
            case 1 -> "EPERM (operation not permitted)";
            case 2 -> "ENOENT (no such file or directory)";
            case 3 -> "ESRCH (no such process)";
            case 4 -> "EINTR (interrupted)";
            case 7 -> "E2BIG (argument list too long)";
            case 8 -> "ENOEXEC (exec format error)";
            case 10 -> "ECHILD (no child processes)";
            case 12 -> "ENOMEM (out of memory)";
            case 13 -> "EACCES (permission denied)";
            case 20 -> "ENOTDIR (not a directory)";
            case 21 -> "EISDIR (is a directory)";
            case 24 -> "EMFILE (too many open files)";
            case 26 -> "ETXTBSY (text file busy)";
            default -> "errno " + errno;
        };
        return name;
    }
}
