package io.reflex.launcher.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Docker secrets ({@code /run/secrets/NAME}): checked before the environment, because a secret never shows up in
 * {@code docker inspect} the way an environment variable does. The directory is a setting so tests use their own.
 *
 * @param directory where the secret files are
 */
public record SecretFiles(Path directory) {

    public static final Path DEFAULT = Path.of("/run/secrets");

    /** The whitespace-stripped content of {@code NAME}, when the file exists and is not blank. */
    public Optional<String> read(String name) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(v -> !v.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
