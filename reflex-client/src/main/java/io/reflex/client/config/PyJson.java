package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it (ensure_ascii on).
 *
 * <p>Jackson differs in small ways that break byte-for-byte parity with deployed files: it writes
 * upper-case {@code \u00E9} escapes, leaves DEL unescaped and spells floats {@code 1.0E20}. Files of
 * type {@code application/json}, {@code launch env} and {@code launch config} all go through here.
 */
final class PyJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Python sorts dict keys by code point, not by UTF-16 unit. */
    private static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private PyJson() {
    }

    /** {@code json.dumps(value, separators=(",", ":"))}. */
    static String compact(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(out, value, -1, 0, false);
        return out.toString();
    }

    /** {@code json.dumps(value, indent=2, sort_keys=True)}. */
    static String pretty(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 2, 0, true);
        return out.toString();
    }

    /** {@code json.dumps(text)}: a quoted, ASCII-only string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        appendQuoted(out, text);
        return out.toString();
    }

    static Comparator<String> keyOrder() {
        return CODE_POINT_ORDER;
    }

    private static void write(StringBuilder out, JsonNode value, int indent, int depth, boolean sortKeys) {
        switch (value.getNodeType()) {
            case STRING -> appendQuoted(out, value.textValue());
            case BOOLEAN -> out.append(value.booleanValue());
            case NUMBER -> out.append(PyText.number(value));
            case ARRAY -> {
                if (value.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append('[');
                boolean first = true;
                for (JsonNode element : value) {
                    separate(out, first, indent, depth + 1);
                    write(out, element, indent, depth + 1, sortKeys);
                    first = false;
                }
                close(out, ']', indent, depth);
            }
            case OBJECT -> {
                if (value.isEmpty()) {
                    out.append("{}");
                    return;
                }
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(value.properties());
                if (sortKeys) {
                    fields.sort(Map.Entry.comparingByKey(CODE_POINT_ORDER));
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> field : fields) {
                    separate(out, first, indent, depth + 1);
                    appendQuoted(out, field.getKey());
                    out.append(indent < 0 ? ":" : ": ");
                    write(out, field.getValue(), indent, depth + 1, sortKeys);
                    first = false;
                }
                close(out, '}', indent, depth);
            }
            default -> out.append("null");
        }
    }

    private static void separate(StringBuilder out, boolean first, int indent, int depth) {
        if (!first) {
            out.append(',');
        }
        if (indent >= 0) {
            out.append('\n').repeat(' ', indent * depth);
        }
    }

    private static void close(StringBuilder out, char bracket, int indent, int depth) {
        if (indent >= 0) {
            out.append('\n').repeat(' ', indent * depth);
        }
        out.append(bracket);
    }

    private static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= 0x20 && c <= 0x7e) {
                        out.append(c);
                    } else {
                        out.append("\\u")
                                .append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    }
                }
            }
        }
        out.append('"');
    }
}
