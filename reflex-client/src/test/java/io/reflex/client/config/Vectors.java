package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * Finds the shared reference vectors: {@code shared/} sits beside the repository clone, both in
 * a worktree layout and on CI, so the lookup walks up from the module directory and checks
 * {@code <ancestor>/shared/reference/vectors} at each level.
 */
final class Vectors {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path RELATIVE = Path.of("shared", "reference", "vectors");

    private Vectors() {
    }

    static JsonNode load(String fileName) {
        Path file = directory().resolve(fileName);
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read vector file " + file, e);
        }
    }

    static Path directory() {
        List<Path> tried = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            tried.add(candidate);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("Reference vectors not found; looked for shared/reference/vectors at " + tried);
    }
}
