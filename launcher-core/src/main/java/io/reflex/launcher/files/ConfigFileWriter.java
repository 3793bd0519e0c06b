package io.reflex.launcher.files;

import io.reflex.client.config.ConfigFile;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Writes a launch's config files so that an app (or a reloading app under {@code --watch}) never reads a
 * half-written one: every file is first written and synced under a temporary name in its own directory, and only
 * when all of them succeeded are they renamed into place. A failure removes the temporary files and leaves the
 * old config untouched.
 */
public final class ConfigFileWriter {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private ConfigFileWriter() {
    }

    /** Writes {@code files}; returns whether any content differed from what was there. */
    public static boolean writeAll(List<ConfigFile> files) {
        List<Staged> staged = new ArrayList<>();
        try {
            for (ConfigFile file : files) {
                staged.add(stage(file));
            }
            boolean changed = false;
            for (Staged file : staged) {
                changed |= file.changed();
                Files.move(file.temporary(), file.target(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            return changed;
        } catch (AtomicMoveNotSupportedException e) {
            throw new LaunchException(ExitReason.CFGDIR_NOT_WRITABLE, "Cannot replace config file atomically: "
                    + e.getFile(), e);
        } catch (IOException e) {
            throw new LaunchException(ExitReason.CFGDIR_NOT_WRITABLE, "Cannot write config file: " + describe(e), e);
        } finally {
            for (Staged file : staged) {
                deleteQuietly(file.temporary());
            }
        }
    }

    /** Checks before anything is written that the directory exists (or can be made) and takes files. */
    public static void requireWritable(Path cfgdir) {
        try {
            Files.createDirectories(cfgdir);
            Path probe = Files.createTempFile(cfgdir, ".launch-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new LaunchException(ExitReason.CFGDIR_NOT_WRITABLE,
                    "Config directory is not writable: " + cfgdir + " (" + describe(e) + ")", e);
        }
    }

    private static Staged stage(ConfigFile file) throws IOException {
        Path target = Path.of(file.path()).toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        byte[] bytes = file.bytes();
        boolean changed = !Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), bytes);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.setPosixFilePermissions(temporary, permissions(file.mode()));
        return new Staged(temporary, target, changed);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            text.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover dot-file in the cfgdir is harmless; the original error matters more
        }
    }

    private record Staged(Path temporary, Path target, boolean changed) {
    }
}
