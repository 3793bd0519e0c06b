package io.reflex.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void oldKeysStillDecryptAfterTheDefaultKeyRotates() {
        SecretCipher before = new SecretCipher(KeyRing.of(Map.of("old", key(1)), "old"));
        String stored = before.encrypt("{\"p\":\"v\"}");
        assertThat(stored).startsWith("__$old").doesNotContain("\"v\"");
        SecretCipher after = new SecretCipher(KeyRing.of(Map.of("old", key(1), "new", key(2)), "new"));
        assertThat(after.decrypt(stored)).isEqualTo("{\"p\":\"v\"}");
        assertThat(after.encrypt("x")).startsWith("__$new");
    }

    @Test
    void tamperedCiphertextOrUnknownKeyIsRefusedWithoutRevealingAnything() {
        SecretCipher cipher = new SecretCipher(KeyRing.of(Map.of("k01", key(3)), "k01"));
        String stored = cipher.encrypt("secret");
        String tampered = stored.substring(0, stored.length() - 3) + (stored.endsWith("A") ? "BBB" : "AAA");
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(SecretCipher.UndecryptableException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> cipher.decrypt("__$zzz" + stored.substring(6)))
                .hasMessage("unknown crypto key 'zzz'");
        assertThat(cipher.encrypt("secret")).isNotEqualTo(stored);
    }

    @Test
    void keyRingRejectsBadKeys() {
        assertThatThrownBy(() -> KeyRing.of(Map.of("k01", new byte[16]), "k01")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> KeyRing.of(Map.of("k01", key(1)), "k02")).hasMessageContaining("not configured");
        assertThatThrownBy(() -> KeyRing.of(Map.of("long", key(1)), "long")).hasMessageContaining("3 characters");
    }

    @Test
    void generatedKeyFileIsPrivateAndStable(@TempDir Path dir) throws Exception {
        KeyRing first = KeyFile.loadOrCreate(dir);
        Path file = dir.resolve(KeyFile.NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String stored = new SecretCipher(first).encrypt("v");
        assertThat(new SecretCipher(KeyFile.loadOrCreate(dir)).decrypt(stored)).isEqualTo("v");
    }
}
