package io.reflex.client.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the files named by {@code content.source}; injected so flattening stays testable without a disk.
 */
@FunctionalInterface
public interface ContentFiles {

    /**
     * @param path {@code <cfgdir>/<source>}
     * @return the file's bytes, or empty if it does not exist
     */
    Optional<byte[]> read(String path);

    /** Reads from the local file system. */
    static ContentFiles fileSystem() {
        return path -> {
            try {
                return Optional.of(Files.readAllBytes(Path.of(path)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new ConfigException("Unable to process config file: " + path, e);
            }
        };
    }
}
