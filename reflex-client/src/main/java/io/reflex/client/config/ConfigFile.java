package io.reflex.client.config;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file a launch must write before the service starts; the launcher writes it atomically.
 *
 * @param config the config object that produced it (without its {@code .id} suffix)
 * @param dest   the file name relative to the cfgdir, as the config gives it (macro-expanded)
 * @param path   {@code <cfgdir>/<dest>}, the path the original wrote to and logged
 * @param mode   POSIX permission bits; {@code 0600} because config files usually carry secrets
 * @param bytes  the exact content; never shown by {@link #toString()}
 */
public record ConfigFile(String config, String dest, String path, int mode, byte[] bytes) {

    static final int DEFAULT_MODE = 0600;

    public ConfigFile {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dest, "dest");
        Objects.requireNonNull(path, "path");
        bytes = bytes.clone();
    }

    /** A copy, so the plan stays immutable. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfigFile file
                && config.equals(file.config) && dest.equals(file.dest) && path.equals(file.path)
                && mode == file.mode && Arrays.equals(bytes, file.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, dest, path, mode, Arrays.hashCode(bytes));
    }

    /** Never the content: config files hold passwords and keys. */
    @Override
    public String toString() {
        return "ConfigFile[" + path + ", mode=" + Integer.toOctalString(mode) + ", " + bytes.length + " bytes]";
    }
}
