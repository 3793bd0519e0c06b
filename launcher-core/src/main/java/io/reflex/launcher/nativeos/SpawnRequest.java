package io.reflex.launcher.nativeos;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A program to start as a supervised child.
 *
 * @param executable resolved path of the program
 * @param argv       the full argument vector, {@code argv[0]} included
 * @param environment exactly the child's environment; nothing is inherited implicitly
 * @param directory  its working directory
 * @param stdin      bytes it reads on standard input; without them it inherits the launcher's
 */
public record SpawnRequest(Path executable, List<String> argv, Map<String, String> environment, Path directory,
                           Optional<byte[]> stdin) {

    public SpawnRequest {
        Objects.requireNonNull(executable, "executable");
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(stdin, "stdin");
    }
}
