package io.reflex.gui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void apikeysAreStoredEncryptedInPrivateFilesAndReadBack() throws Exception {
        SavedConnections saved = new SavedConnections(dir);
        saved.save("staging", "http://staging:8080/api/v1", "ops.c2VjcmV0LXZhbHVl", ProxySettings.NONE);
        saved.save("staging", "http://staging2:8080/api/v1", "ops.bmV3ZXItc2VjcmV0", ProxySettings.NONE);

        assertThat(new SavedConnections(dir).list())
                .containsExactly(new SavedConnections.Saved("staging", "http://staging2:8080/api/v1"));
        assertThat(new SavedConnections(dir).target("staging").orElseThrow().label())
                .isEqualTo("staging (http://staging2:8080/api/v1)");
        assertThat(new ApikeyVault(dir).apikey("staging")).hasValue("ops.bmV3ZXItc2VjcmV0");

        for (String file : new String[] {"console.key", "console-apikeys.enc", "console-profiles.json"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        String everything = Files.readString(dir.resolve("console-profiles.json"))
                + new String(Files.readAllBytes(dir.resolve("console-apikeys.enc")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(everything).doesNotContain("bmV3ZXItc2VjcmV0");
    }
}
