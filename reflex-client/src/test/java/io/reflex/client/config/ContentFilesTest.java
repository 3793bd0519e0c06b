package io.reflex.client.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentFilesTest {

    @TempDir
    Path cfgdir;

    @Test
    void fileSystemReadsBytesAndReportsAbsenceAsEmpty() throws IOException {
        Files.write(cfgdir.resolve("in"), new byte[] {1, 2, 3});

        assertThat(ContentFiles.fileSystem().read(cfgdir + "/in")).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(1, 2, 3));
        assertThat(ContentFiles.fileSystem().read(cfgdir + "/absent")).isEmpty();
    }

    @Test
    void unreadableSourceIsAConfigError() {
        assertThatThrownBy(() -> ContentFiles.fileSystem().read(cfgdir.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unable to process config file: " + cfgdir);
    }
}
