package io.reflex.engine.policy.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reflex.engine.policy.password.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pwin} and {@code pwsin}: passwords sent in request headers checked against a password
 * group's hashes. Like the original, they answer false rather than raise, whatever goes wrong, so
 * {@code not pwin(...)} is true for a request without the header.
 */
final class PasswordChecks {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordChecks.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private PasswordChecks() {}

    /** {@code X-Password} (base64 of the UTF-8 password) verifies against any hash of the group. */
    static boolean pwin(Object groups, Object headers, Object group) {
        try {
            String password = header(headers, "X-Password");
            if (password == null) {
                return false;
            }
            for (String hash : hashes(groups, group)) {
                if (PasswordHash.verify(hash, password)) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("pwin() error={}", e.toString());
        }
        return false;
    }

    /**
     * {@code X-Passwords} (base64 of a JSON array of passwords): true once as many (hash, password)
     * pairs verify as passwords were sent; a repeated password makes it false.
     */
    static boolean pwsin(Object groups, Object headers, Object group) {
        try {
            String header = header(headers, "X-Passwords");
            if (header == null) {
                return false;
            }
            JsonNode array = JSON.readTree(header);
            List<String> passwords = new ArrayList<>();
            for (JsonNode item : array) {
                if (!array.isArray() || !item.isTextual()) {
                    LOG.debug("pwsin() refused X-Passwords: not a list of passwords");
                    return false;
                }
                passwords.add(item.textValue());
            }
            if (new HashSet<>(passwords).size() != passwords.size()) {
                LOG.debug("pwsin() refused X-Passwords: a password is repeated");
                return false;
            }
            int matches = 0;
            for (String hash : hashes(groups, group)) {
                for (String password : passwords) {
                    if (PasswordHash.verify(hash, password) && ++matches == passwords.size()) {
                        return true;
                    }
                }
            }
        } catch (Exception e) {
            LOG.debug("pwsin() error={}", e.toString());
        }
        return false;
    }

    /** The decoded header, or {@code null} (logged) when it is missing or empty. */
    private static String header(Object headers, String name) {
        Object value = headers instanceof Map<?, ?> map ? map.get(name) : null;
        if (!(value instanceof String encoded) || encoded.isEmpty()) {
            LOG.debug("Missing {} header", name);
            return null;
        }
        return new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static List<String> hashes(Object groups, Object group) {
        Object members = groups instanceof Map<?, ?> map ? map.get(group) : null;
        if (!(members instanceof List<?> list) || list.isEmpty()) {
            LOG.debug("policy cannot find password group={}", group);
            return List.of();
        }
        List<String> hashes = new ArrayList<>(list.size());
        for (Object member : list) {
            if (member instanceof String hash) {
                hashes.add(hash);
            }
        }
        return hashes;
    }
}
