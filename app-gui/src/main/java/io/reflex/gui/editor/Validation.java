package io.reflex.gui.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.gui.objects.FieldSpec;
import io.reflex.gui.objects.TypeSchema;
import java.util.Optional;

/**
 * The checks the engine would make (reference 3.1.4 and 3.5), run before a save so the user hears about a missing
 * field at once and in the editor's words.
 */
final class Validation {
    private Validation() {}

    /** The first problem, as a sentence; empty when the body may be sent. */
    static Optional<String> problem(ObjectType type, ObjectNode body) {
        JsonNode name = body.get("name");
        if (name == null || name.asText().isBlank()) {
            return Optional.of("Every object needs a name.");
        }
        if (Character.isDigit(name.asText().charAt(0)) || name.asText().contains(".")) {
            return Optional.of("A name must not start with a digit or contain a dot; the engine could not find it again.");
        }
        for (FieldSpec field : TypeSchema.fields(type)) {
            JsonNode value = body.get(field.name());
            boolean missing = value == null || value.isNull() || value.isTextual() && value.asText().isBlank();
            if (field.required() && missing) {
                return Optional.of("'" + field.name() + "' is required for a " + type.path() + ".");
            }
            if (missing) {
                continue;
            }
            if (field.kind() == FieldSpec.Kind.LIST && !value.isArray()) {
                return Optional.of("'" + field.name() + "' must be a list, [...].");
            }
            if (field.kind() == FieldSpec.Kind.OBJECT && !value.isObject()
                    && !(field.name().equals(SecretMask.FIELD) && value.isTextual())) {
                return Optional.of("'" + field.name() + "' must be an object, {...}.");
            }
            if (field.kind() == FieldSpec.Kind.CHOICE && !field.choices().contains(value.asText())) {
                return Optional.of("'" + field.name() + "' must be one of " + String.join(", ", field.choices()) + ".");
            }
        }
        return Optional.empty();
    }
}
