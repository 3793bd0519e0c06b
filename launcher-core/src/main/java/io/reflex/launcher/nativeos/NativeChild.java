package io.reflex.launcher.nativeos;

import java.util.concurrent.CompletableFuture;

/**
 * A child started through {@link ChildProcesses}; the JDK knows nothing about it.
 *
 * @param pid  its process id
 * @param exit completes when the reaper has collected it
 */
public record NativeChild(int pid, CompletableFuture<ExitStatus> exit) {
}
