package io.reflex.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts sensitive values at rest with AES-256-GCM. The stored form keeps the original's envelope,
 * {@code "__$" + key name + base64(nonce || ciphertext+tag)}, so a reader can tell encrypted values and their key
 * apart from plain strings.
 */
public final class SecretCipher {

    public static final String PREFIX = "__$";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(KeyRing keys) {
        this.keys = keys;
    }

    public static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX) && stored.length() > PREFIX.length() + 3;
    }

    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.defaultKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keys.defaultName().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + keys.defaultName() + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    /** @throws UndecryptableException when the key is unknown or the value was tampered with */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            throw new UndecryptableException("value is not encrypted");
        }
        String keyName = stored.substring(PREFIX.length(), PREFIX.length() + 3);
        SecretKey key = keys.key(keyName)
                .orElseThrow(() -> new UndecryptableException("unknown crypto key '" + keyName + "'"));
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length() + 3));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new UndecryptableException("ciphertext too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(keyName.getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new UndecryptableException("decryption with key '" + keyName + "' failed");
        }
    }

    /** A stored value that cannot be decrypted; the message never contains the value. */
    public static final class UndecryptableException extends RuntimeException {
        UndecryptableException(String message) {
            super(message);
        }
    }
}
