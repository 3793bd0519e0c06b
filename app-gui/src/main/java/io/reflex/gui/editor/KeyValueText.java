package io.reflex.gui.editor;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.gui.objects.Cells;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code KEY=value} form of a flat object, so a user can paste a {@code .env} file into a config's
 * {@code setenv} or {@code sensitive.parameters} instead of typing JSON.
 */
public final class KeyValueText {
    private KeyValueText() {}

    public static String format(JsonNode object) {
        StringBuilder text = new StringBuilder();
        object.properties().forEach(e -> text.append(e.getKey()).append('=').append(Cells.text(e.getValue())).append('\n'));
        return text.toString();
    }

    /**
     * Reads lines of {@code KEY=value}; blank lines and {@code #} comments are skipped, an {@code export} prefix and
     * one pair of surrounding quotes are dropped.
     *
     * @throws IllegalArgumentException naming the first line without a key
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Line " + (i + 1) + " needs the form KEY=value.");
            }
            values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
