package io.reflex.engine.policy.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Password hashes in libsodium's {@code crypto_pwhash_scryptsalsa208sha256_str} format ({@code $7$...}).
 *
 * <p>Password groups written by the original engine hold such strings, and operators may still paste
 * hashes made with libsodium or PyNaCl, so the format is reproduced exactly rather than replaced by a
 * newer KDF. Both methods are slow on purpose (scrypt with libsodium's "interactive" limits: about
 * 16 MiB and tens of milliseconds per call) and safe to call from any thread.
 */
public final class PasswordHash {

    /** libsodium's {@code crypto_pwhash_scryptsalsa208sha256_STRBYTES} minus the terminating NUL. */
    private static final int STRING_LENGTH = 101;

    /** The settings libsodium derives from its interactive limits (opslimit 524288, memlimit 16777216). */
    private static final int INTERACTIVE_N_LOG2 = 14;
    private static final int INTERACTIVE_R = 8;
    private static final int INTERACTIVE_P = 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    /** Hashes {@code password} (UTF-8) with a fresh random salt; the result is 101 characters long. */
    public static String hash(String password) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        String setting = Escrypt.setting(INTERACTIVE_N_LOG2, INTERACTIVE_R, INTERACTIVE_P, salt);
        String result = Escrypt.compute(password.getBytes(StandardCharsets.UTF_8), setting);
        if (result == null) {
            throw new IllegalStateException("scrypt refused its own interactive settings");
        }
        return result;
    }

    /**
     * Checks {@code password} (UTF-8) against a {@code $7$} string. A malformed string, or one whose
     * cost parameters are out of bounds, does not verify; like libsodium, only full-length strings are
     * accepted.
     */
    public static boolean verify(String hash, String password) {
        if (hash.length() != STRING_LENGTH) {
            return false;
        }
        String computed = Escrypt.compute(password.getBytes(StandardCharsets.UTF_8), hash);
        return computed != null
                && MessageDigest.isEqual(
                        computed.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    }
}
