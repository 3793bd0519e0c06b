package io.reflex.engine.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which fields hold secrets (a config's {@code sensitive}, an apikey's {@code secrets}) and keeps them
 * encrypted in storage. The original stored apikey secrets in plain text; here both are encrypted, so the
 * database file never holds a secret in the clear.
 */
public final class SensitiveFields {

    /** What a reader gets when a stored value cannot be decrypted (unknown key, tampered data), as in the original. */
    static final String UNDECRYPTABLE = "unencryptable--see logs";
    private static final Logger LOG = LoggerFactory.getLogger(SensitiveFields.class);

    private final SecretCipher cipher;
    private final ObjectMapper mapper;

    public SensitiveFields(SecretCipher cipher, ObjectMapper mapper) {
        this.cipher = cipher;
        this.mapper = mapper;
    }

    public static Optional<String> fieldOf(ObjectKind kind) {
        return switch (kind) {
            case CONFIG -> Optional.of("sensitive");
            case APIKEY -> Optional.of("secrets");
            default -> Optional.empty();
        };
    }

    /** A copy of {@code data} with its sensitive field decrypted, for use inside the engine only. */
    public ObjectNode decrypted(ObjectKind kind, ObjectNode data) {
        Optional<String> field = fieldOf(kind);
        if (field.isEmpty() || !data.has(field.get())) {
            return data;
        }
        ObjectNode copy = data.deepCopy();
        copy.set(field.get(), decrypt(data.get(field.get())));
        return copy;
    }

    /** A copy of {@code plain} with its sensitive field encrypted for storage. */
    public ObjectNode encrypted(ObjectKind kind, ObjectNode plain) {
        Optional<String> field = fieldOf(kind);
        if (field.isEmpty() || !plain.has(field.get()) || plain.get(field.get()).isNull()) {
            return plain;
        }
        ObjectNode copy = plain.deepCopy();
        try {
            copy.put(field.get(), cipher.encrypt(mapper.writeValueAsString(plain.get(field.get()))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sensitive value cannot be serialised", e);
        }
        return copy;
    }

    /**
     * The object as policy expressions see it ({@code obj}): its fields, id and name, but never its secrets, so no
     * policy result can depend on (or reveal) a secret value. A shallow copy: expressions only read it.
     */
    public static ObjectNode withoutSecrets(StoredObject object) {
        ObjectNode obj = object.data().objectNode();
        obj.setAll(object.data());
        ObjectKind.ofTable(object.type()).flatMap(SensitiveFields::fieldOf).ifPresent(obj::remove);
        obj.put("id", object.id());
        obj.put("name", object.name());
        return obj;
    }

    /** The apikey's secrets in clear text, for verifying sign-in tokens. */
    public List<String> apikeySecrets(StoredObject apikey) {
        JsonNode secrets = decrypt(apikey.data().path("secrets"));
        List<String> out = new ArrayList<>();
        secrets.forEach(s -> {
            if (s.isTextual()) {
                out.add(s.asText());
            }
        });
        return out;
    }

    private JsonNode decrypt(JsonNode stored) {
        if (!stored.isTextual() || !SecretCipher.isEncrypted(stored.asText())) {
            return stored;
        }
        try {
            return mapper.readTree(cipher.decrypt(stored.asText()));
        } catch (SecretCipher.UndecryptableException | JsonProcessingException e) {
            LOG.error("cannot decrypt a stored sensitive value: {}", e.getMessage());
            return TextNode.valueOf(UNDECRYPTABLE);
        }
    }
}
