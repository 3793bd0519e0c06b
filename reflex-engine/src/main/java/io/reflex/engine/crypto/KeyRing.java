package io.reflex.engine.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The engine's named data keys. Several keys may be configured so that old ciphertext stays readable after a
 * rotation; exactly one is the default used for new writes.
 */
public final class KeyRing {

    private final Map<String, SecretKey> keys;
    private final String defaultName;

    private KeyRing(Map<String, SecretKey> keys, String defaultName) {
        this.keys = Map.copyOf(keys);
        this.defaultName = defaultName;
    }

    /**
     * @param rawKeys key name (3 characters, as in the original's config) to 32 raw key bytes
     * @param defaultName the key new values are encrypted with
     */
    public static KeyRing of(Map<String, byte[]> rawKeys, String defaultName) {
        if (rawKeys.isEmpty()) {
            throw new IllegalArgumentException("no crypto key configured");
        }
        if (!rawKeys.containsKey(defaultName)) {
            throw new IllegalArgumentException("default crypto key '" + defaultName + "' is not configured");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        rawKeys.forEach((name, bytes) -> {
            if (name.length() != 3) {
                throw new IllegalArgumentException("crypto key name '" + name + "' must be exactly 3 characters");
            }
            if (bytes.length != 32) {
                throw new IllegalArgumentException("crypto key '" + name + "' must be 32 bytes (base64 of 32 random bytes)");
            }
            keys.put(name, new SecretKeySpec(bytes, "AES"));
        });
        return new KeyRing(keys, defaultName);
    }

    String defaultName() {
        return defaultName;
    }

    SecretKey defaultKey() {
        return keys.get(defaultName);
    }

    Optional<SecretKey> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    public java.util.Set<String> names() {
        return keys.keySet();
    }
}
