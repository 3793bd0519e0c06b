package io.reflex.launcher.files;

import io.reflex.client.config.ConfigFile;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class ConfigFileWriterTest {

    @TempDir
    Path dir;

    private static ConfigFile file(Path path, String text) {
        return new ConfigFile("cfg", path.getFileName().toString(), path.toString(), 0600,
                text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesOwnerOnlyFilesCreatingParentDirectories() throws IOException {
        Path target = dir.resolve("nested/deeper/app.conf");

        boolean changed = ConfigFileWriter.writeAll(List.of(file(target, "secret=1")));

        assertThat(changed).isTrue();
        assertThat(target).hasContent("secret=1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(ConfigFileWriter.writeAll(List.of(file(target, "secret=1")))).as("same bytes again").isFalse();
    }

    @Test
    void aFailureLeavesEveryOldFileAndNoTemporaryFileBehind() throws IOException {
        Path first = dir.resolve("first.conf");
        Files.writeString(first, "old");
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");

        assertThatThrownBy(() -> ConfigFileWriter.writeAll(List.of(file(first, "new"),
                file(blocker.resolve("second.conf"), "x")))).isInstanceOf(LaunchException.class)
                .extracting(e -> ((LaunchException) e).reason()).isEqualTo(ExitReason.CFGDIR_NOT_WRITABLE);

        assertThat(first).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("first.conf", "blocker");
        }
    }
}
