package io.reflex.gui.objects;

import java.util.List;

/**
 * One defined field of a type, as the form shows it.
 *
 * @param choices allowed values for a choice field; empty for free text
 */
public record FieldSpec(String name, Kind kind, boolean required, List<String> choices) {

    /** How the form edits the value and how it goes back into JSON. */
    public enum Kind {
        /** A string (or any scalar) typed as text. */
        TEXT,
        /** One of {@link #choices()}. */
        CHOICE,
        /** A JSON array of strings, edited as a comma-separated line. */
        LIST,
        /** A JSON object; the form shows it read-only, the JSON editor edits it. */
        OBJECT
    }

    static FieldSpec text(String name, boolean required) {
        return new FieldSpec(name, Kind.TEXT, required, List.of());
    }

    static FieldSpec choice(String name, boolean required, String... choices) {
        return new FieldSpec(name, Kind.CHOICE, required, List.of(choices));
    }

    static FieldSpec list(String name) {
        return new FieldSpec(name, Kind.LIST, false, List.of());
    }

    static FieldSpec object(String name, boolean required) {
        return new FieldSpec(name, Kind.OBJECT, required, List.of());
    }
}
