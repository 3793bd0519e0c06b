package io.reflex.client.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A value that must never reach a log line or an exception message by accident.
 *
 * <p>{@link #toString()} prints {@code Secret[****]}; the value comes out only through
 * {@link #reveal()} or {@link #revealBytes()}, so every disclosure is visible in the calling code.
 */
public final class Secret {

    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    public static Secret of(byte[] value) {
        return new Secret(value.clone());
    }

    /** The value as UTF-8 text. */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** A copy of the raw bytes. */
    public byte[] revealBytes() {
        return value.clone();
    }

    /** Constant-time, so comparing a guess does not leak how much of it was right. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && MessageDigest.isEqual(value, secret.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
