package io.reflex.launcher.nativeos;

import java.util.OptionalInt;

/**
 * How a child ended, in the shell's convention: its exit code, or 128 + the signal that killed it (as tini and
 * every shell report it, so a supervisor in front of the launcher sees what it would have seen without it).
 *
 * @param code   the exit code, or 128 + signal
 * @param signal the signal that killed the child, if one did
 */
public record ExitStatus(int code, OptionalInt signal) {

    public static ExitStatus exited(int code) {
        return new ExitStatus(code, OptionalInt.empty());
    }

    public static ExitStatus killed(int signal) {
        return new ExitStatus(128 + signal, OptionalInt.of(signal));
    }

    /** Decodes a {@code waitpid} status word (the WIFEXITED/WTERMSIG macros). */
    static ExitStatus fromWaitStatus(int status) {
        int termSignal = status & 0x7f;
        return termSignal == 0 ? exited((status >> 8) & 0xff) : killed(termSignal);
    }

    public boolean success() {
        return code == 0;
    }

    @Override
    public String toString() {
        return signal.isPresent() ? "killed by signal " + signal.getAsInt() + " (exit " + code + ")" : "exit " + code;
    }
}
