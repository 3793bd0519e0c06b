package io.reflex.gui.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;

/**
 * Hides a config's {@code sensitive} field behind a placeholder while the editor is not revealed. The placeholder
 * keeps the field's place in the text, and saving swaps the real value back in, so masking never loses a secret.
 */
final class SecretMask {
    static final String FIELD = "sensitive";
    static final String PLACEHOLDER = "•••••• hidden, press Reveal to show";

    private SecretMask() {}

    /** The secret of {@code object}, if it has one worth hiding. */
    static Optional<JsonNode> secretOf(ObjectNode object) {
        JsonNode value = object.get(FIELD);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.deepCopy());
    }

    static ObjectNode masked(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        if (copy.has(FIELD) && !copy.get(FIELD).isNull()) {
            copy.put(FIELD, PLACEHOLDER);
        }
        return copy;
    }

    /** Puts {@code secret} back where the placeholder stands; a placeholder without a secret is dropped. */
    static ObjectNode unmasked(ObjectNode object, Optional<JsonNode> secret) {
        ObjectNode copy = object.deepCopy();
        if (new TextNode(PLACEHOLDER).equals(copy.get(FIELD))) {
            if (secret.isPresent()) {
                copy.set(FIELD, secret.get().deepCopy());
            } else {
                copy.remove(FIELD);
            }
        }
        return copy;
    }
}
