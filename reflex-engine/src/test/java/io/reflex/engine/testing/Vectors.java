package io.reflex.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared reference vectors: the repository is checked out with {@code shared/} beside it, so walk up
 * from the working directory until a sibling {@code shared/reference/vectors} appears.
 */
public final class Vectors {

    private Vectors() {}

    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference/vectors");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/reference/vectors not found above " + Path.of("").toAbsolutePath()
                + "; the tests need the shared reference checked out beside the repository");
    }

    public static JsonNode read(String file) {
        try {
            return new ObjectMapper().readTree(directory().resolve(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read vector file " + file, e);
        }
    }
}
