package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Python's {@code str()}/{@code repr()} spellings of JSON values.
 *
 * <p>Deployed config files and environments were produced by the Python original, which turned
 * every variable into text with {@code str()}. Matching its spellings ({@code True}, {@code None},
 * {@code 1e-05}, {@code [1, 'a']}) keeps the files we write byte-identical to theirs.
 */
final class PyText {

    private PyText() {
    }

    /** Python's {@code str(value)}: strings stay as they are, everything else is its repr. */
    static String str(JsonNode value) {
        return value.isTextual() ? value.textValue() : repr(value);
    }

    static String repr(JsonNode value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, JsonNode value) {
        switch (value.getNodeType()) {
            case STRING -> appendStringRepr(out, value.textValue());
            case BOOLEAN -> out.append(value.booleanValue() ? "True" : "False");
            case NUMBER -> out.append(number(value));
            case ARRAY -> {
                out.append('[');
                String separator = "";
                for (JsonNode element : value) {
                    out.append(separator);
                    appendRepr(out, element);
                    separator = ", ";
                }
                out.append(']');
            }
            case OBJECT -> {
                out.append('{');
                String separator = "";
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    out.append(separator);
                    appendStringRepr(out, field.getKey());
                    out.append(": ");
                    appendRepr(out, field.getValue());
                    separator = ", ";
                }
                out.append('}');
            }
            default -> out.append("None");
        }
    }

    /** A JSON number as Python prints it: integers verbatim, floats in Python's float repr. */
    static String number(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        return floatRepr(value.doubleValue());
    }

    /**
     * Python's {@code repr(float)}: the shortest round-trip digits (which {@link Double#toString}
     * also yields since JDK 19), laid out plainly for exponents -4..15 and as {@code 1e+16} otherwise.
     */
    static String floatRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = decimal.signum() < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.abs().toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exponentDigits = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentDigits;
    }

    private static void appendStringRepr(StringBuilder out, String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        text.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        out.append(quote);
    }

    /** Python's {@code str.isprintable()} for one code point. */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
