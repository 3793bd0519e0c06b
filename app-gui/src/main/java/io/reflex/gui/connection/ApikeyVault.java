package io.reflex.gui.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Apikeys of saved connections, encrypted with AES-GCM under a key kept in a separate 0600 file. There is no OS
 * keyring to lean on in a plain JVM, so this keeps apikeys out of backups and screenshares of the profiles file;
 * whoever can read both files as this user can read the keys, which docs/console.md says plainly.
 */
public final class ApikeyVault {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NONCE_BYTES = 12;
    private final Path keyFile;
    private final Path vaultFile;

    public ApikeyVault(Path directory) {
        this.keyFile = directory.resolve("console.key");
        this.vaultFile = directory.resolve("console-apikeys.enc");
    }

    public Optional<String> apikey(String profile) {
        return Optional.ofNullable(read().get(profile)).map(n -> n.asText());
    }

    public void store(String profile, String apikey) {
        ObjectNode all = read();
        all.put(profile, apikey);
        write(all);
    }

    public void remove(String profile) {
        ObjectNode all = read();
        all.remove(profile);
        write(all);
    }

    private ObjectNode read() {
        try {
            if (!Files.exists(vaultFile)) {
                return JSON.createObjectNode();
            }
            ByteBuffer sealed = ByteBuffer.wrap(Files.readAllBytes(vaultFile));
            byte[] nonce = new byte[NONCE_BYTES];
            sealed.get(nonce);
            byte[] body = new byte[sealed.remaining()];
            sealed.get(body);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            return (ObjectNode) JSON.readTree(cipher.doFinal(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The saved apikeys cannot be decrypted with " + keyFile, e);
        }
    }

    private void write(ObjectNode all) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            byte[] body = cipher.doFinal(JSON.writeValueAsBytes(all));
            writePrivate(vaultFile, ByteBuffer.allocate(nonce.length + body.length).put(nonce).put(body).array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the saved apikeys", e);
        }
    }

    private SecretKey key() throws IOException, GeneralSecurityException {
        if (Files.exists(keyFile)) {
            return new SecretKeySpec(Files.readAllBytes(keyFile), "AES");
        }
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        writePrivate(keyFile, key.getEncoded());
        return key;
    }

    static void writePrivate(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".console", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
