package io.reflex.launcher.redeploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where control sockets live: {@code $REFLEX_RUN_DIR}, else {@code /run/reflex}, else
 * {@code $XDG_RUNTIME_DIR/reflex}, else {@code /tmp/reflex-UID}. The first one that can be used wins, so a launcher
 * run as root and one run by a user each find a place, and {@code launch redeploy} looks in the same order.
 */
public final class RunDirectory {

    private RunDirectory() {
    }

    /**
     * {@code launch-SERVICE.sock} in the first usable directory: one that exists or can be created, is writable,
     * and has (or, being ours, can be given) mode 0700.
     */
    public static Path socketFor(String service, Map<String, String> environment) {
        for (Path dir : candidates(environment)) {
            if (usable(dir)) {
                return dir.resolve(socketName(service));
            }
        }
        throw new IllegalStateException("no usable run directory for the control socket (tried "
                + candidates(environment) + ")");
    }

    /** The existing socket of a running launcher for {@code service}, looked for in the same order. */
    public static Optional<Path> findSocket(String service, Map<String, String> environment) {
        return candidates(environment).stream().map(dir -> dir.resolve(socketName(service))).filter(Files::exists)
                .findFirst();
    }

    private static String socketName(String service) {
        return "launch-" + service.replaceAll("[^A-Za-z0-9._-]", "_") + ".sock";
    }

    private static List<Path> candidates(Map<String, String> environment) {
        List<Path> dirs = new ArrayList<>();
        String explicit = environment.get("REFLEX_RUN_DIR");
        if (explicit != null && !explicit.isBlank()) {
            dirs.add(Path.of(explicit));
            return dirs;
        }
        dirs.add(Path.of("/run/reflex"));
        String xdg = environment.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank()) {
            dirs.add(Path.of(xdg, "reflex"));
        }
        dirs.add(Path.of(System.getProperty("java.io.tmpdir"), "reflex-" + uid()));
        return dirs;
    }

    /** Creates {@code dir} with mode 0700, or narrows an existing one of ours to 0700. */
    private static boolean usable(Path dir) {
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(owner));
            }
            if (!Files.getPosixFilePermissions(dir).equals(owner)) {
                Files.setPosixFilePermissions(dir, owner);
            }
            return Files.isWritable(dir);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
