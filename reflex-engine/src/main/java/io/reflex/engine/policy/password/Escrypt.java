package io.reflex.engine.policy.password;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The {@code $7$} string encoding of libsodium's escrypt, around BouncyCastle's scrypt.
 *
 * <p>Two details make hashes compatible: numbers and bytes are written in a little-endian base-64 with
 * the crypt alphabet (not RFC 4648), and the scrypt salt is the <em>encoded</em> salt text, not the
 * random bytes it was made from.
 */
final class Escrypt {

    private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String PREFIX = "$7$";
    private static final int HASH_BYTES = 32;

    /** Refuse settings that would make one verification a denial of service (libsodium's "sensitive" is 1 GiB). */
    private static final long MAX_MEMORY_BYTES = 1L << 30;
    private static final long MAX_WORK = 1L << 26;

    private Escrypt() {}

    /** The {@code $7$} prefix, parameters and encoded salt, without the trailing {@code $hash}. */
    static String setting(int nLog2, int r, int p, byte[] salt) {
        StringBuilder out = new StringBuilder(PREFIX);
        out.append(ITOA64.charAt(nLog2));
        encodeUint30(out, r);
        encodeUint30(out, p);
        encodeBytes(out, salt);
        return out.toString();
    }

    /**
     * Recomputes the full string for {@code password} from the parameters and salt at the start of
     * {@code settingOrHash} (anything after the salt's closing {@code $} is ignored), or returns
     * {@code null} when they do not parse or are out of bounds.
     */
    static String compute(byte[] password, String settingOrHash) {
        if (!settingOrHash.startsWith(PREFIX) || settingOrHash.length() < PREFIX.length() + 11) {
            return null;
        }
        int nLog2 = ITOA64.indexOf(settingOrHash.charAt(3));
        long r = decodeUint30(settingOrHash, 4);
        long p = decodeUint30(settingOrHash, 9);
        if (nLog2 < 1 || nLog2 > 30 || r < 1 || p < 1 || r * p >= 1L << 30) {
            return null;
        }
        long n = 1L << nLog2;
        if (128 * r * n > MAX_MEMORY_BYTES || n * r * p > MAX_WORK) {
            return null;
        }
        int saltStart = PREFIX.length() + 11;
        // libsodium ends the salt at the last '$', so a stray '$' inside it changes the salt, not the parse
        int dollar = settingOrHash.lastIndexOf('$');
        String salt = settingOrHash.substring(saltStart, dollar < saltStart ? settingOrHash.length() : dollar);
        byte[] hash = SCrypt.generate(
                password, salt.getBytes(StandardCharsets.US_ASCII), (int) n, (int) r, (int) p, HASH_BYTES);
        StringBuilder out = new StringBuilder(settingOrHash.substring(0, saltStart)).append(salt).append('$');
        encodeBytes(out, hash);
        return out.toString();
    }

    /** Five characters, six bits each, least significant first. */
    private static void encodeUint30(StringBuilder out, long value) {
        for (int bit = 0; bit < 30; bit += 6) {
            out.append(ITOA64.charAt((int) (value >>> bit) & 0x3f));
        }
    }

    private static long decodeUint30(String text, int start) {
        long value = 0;
        for (int i = 0; i < 5; i++) {
            int digit = ITOA64.indexOf(text.charAt(start + i));
            if (digit < 0) {
                return -1;
            }
            value |= (long) digit << (6 * i);
        }
        return value;
    }

    /** Groups of up to three bytes, little-endian, each written with as many characters as its bits need. */
    private static void encodeBytes(StringBuilder out, byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int value = 0;
            int bits = 0;
            do {
                value |= (bytes[i++] & 0xff) << bits;
                bits += 8;
            } while (bits < 24 && i < bytes.length);
            for (int bit = 0; bit < bits; bit += 6) {
                out.append(ITOA64.charAt((value >>> bit) & 0x3f));
            }
        }
    }
}
