package io.reflex.engine.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The reference's merge (3.1.5): objects merge key by key, the newer side wins, arrays and scalars are replaced. */
final class JsonMerge {

    private JsonMerge() {}

    /** Merges {@code update} into {@code base} in place and returns {@code base}. */
    static ObjectNode merge(ObjectNode base, ObjectNode update) {
        update.properties().forEach(entry -> {
            JsonNode current = base.get(entry.getKey());
            JsonNode value = entry.getValue();
            if (current instanceof ObjectNode currentObject && value instanceof ObjectNode valueObject) {
                merge(currentObject, valueObject);
            } else {
                base.set(entry.getKey(), value.deepCopy());
            }
        });
        return base;
    }
}
