package io.reflex.launcher.process;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the program before anything is written or started, so "not found" is reported as a launch error and not
 * as a failed exec after the config was already delivered. Paths with a slash are taken as they are (relative to
 * the rundir); bare names are searched on the child's {@code PATH}, as {@code execvp} would.
 */
public final class ExecutableResolver {

    private ExecutableResolver() {
    }

    public static Path resolve(String program, Path rundir, Map<String, String> environment) {
        if (program.contains("/")) {
            Path path = rundir.resolve(program).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new LaunchException(ExitReason.EXEC_NOT_FOUND, "Cannot find executable: " + program);
            }
            return path;
        }
        for (String directory : environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin").split(":")) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = rundir.resolve(directory).resolve(program).toAbsolutePath().normalize();
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new LaunchException(ExitReason.EXEC_NOT_FOUND, "Cannot find executable: " + program);
    }

    /** The rundir must exist: the original refused to launch otherwise, and so does this. */
    public static Path requireRundir(Path rundir) {
        Path absolute = rundir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new LaunchException(ExitReason.EXEC_NOT_FOUND,
                    "Unable to find launch rundir (" + rundir + "), cannot launch!");
        }
        return absolute;
    }
}
