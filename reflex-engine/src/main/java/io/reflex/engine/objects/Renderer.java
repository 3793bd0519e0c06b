package io.reflex.engine.objects;

import io.reflex.engine.crypto.SensitiveFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.engine.http.WireJson;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.model.Target;
import io.reflex.engine.store.StoredObject;
import java.util.Optional;

/**
 * Turns a stored object into the JSON clients read: the user's fields in their order, each single reference
 * followed by its read-only id column, then {@code id}, {@code name}, {@code updated_by} and {@code updated_at}.
 */
final class Renderer {

    private Renderer() {}

    /**
     * @param sensitiveValue what to show in place of the stored (encrypted) sensitive field
     * @param updatedAtAsNumber lists carry {@code updated_at} as a number, single objects as a string (as the original)
     */
    static ObjectNode render(ObjectKind kind, StoredObject object, Optional<JsonNode> sensitiveValue,
            boolean updatedAtAsNumber) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Optional<String> sensitiveField = SensitiveFields.fieldOf(kind);
        object.data().properties().forEach(entry -> {
            String key = entry.getKey();
            if (sensitiveField.isPresent() && sensitiveField.get().equals(key)) {
                sensitiveValue.ifPresent(v -> out.set(key, v));
                return;
            }
            out.set(key, entry.getValue());
            kind.field(key).flatMap(ObjectKind.Field::idColumn)
                    .ifPresent(column -> out.put(column, Target.referencedId(entry.getValue().asText())));
        });
        out.put("id", object.id());
        out.put("name", object.name());
        out.put("updated_by", object.updatedBy());
        if (updatedAtAsNumber) {
            out.set("updated_at", WireJson.epochSeconds(object.updatedAt() * 1000));
        } else {
            out.put("updated_at", object.updatedAt() + ".0");
        }
        return out;
    }
}
