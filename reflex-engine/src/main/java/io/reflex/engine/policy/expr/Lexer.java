package io.reflex.engine.policy.expr;

import io.reflex.engine.policy.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a Python-style expression into tokens the way Python's tokenizer does for the subset we
 * accept: line joining inside brackets and after a backslash, comments, string prefixes and escapes,
 * and numbers with underscores and bases. Errors carry Python's wording so operators see the texts
 * the original engine gave them.
 */
final class Lexer {

    private static final Set<String> TWO_CHAR_OPS = Set.of(
            "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "->", ":=",
            "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=");
    private static final String ONE_CHAR_OPS = "+-*/%@<>()[]{},:.;=&|^~";

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int depth;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        Lexer lexer = new Lexer(src);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipBlanks();
            if (pos >= src.length()) {
                if (depth > 0) {
                    throw error("unexpected EOF while parsing", src.length());
                }
                tokens.add(new Token(Kind.END, "", null, src.length()));
                return;
            }
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r') {
                newlineOutsideBrackets();
            } else if (c == '\'' || c == '"') {
                string(pos, "");
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                number();
            } else if (Character.isUnicodeIdentifierStart(c) || c == '_') {
                nameOrPrefixedString();
            } else {
                operator(c);
            }
        }
    }

    /** Spaces, tabs, comments, backslash continuations, and newlines inside brackets. */
    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '\\') {
                int next = pos + 1;
                if (next < src.length() && src.charAt(next) == '\r') {
                    next++;
                }
                if (next >= src.length() || src.charAt(next) != '\n') {
                    throw error("unexpected character after line continuation character", pos + 1);
                }
                pos = next + 1;
            } else if ((c == '\n' || c == '\r') && depth > 0) {
                pos++;
            } else {
                return;
            }
        }
    }

    /** An expression is one logical line: only blank lines and comments may follow a bare newline. */
    private void newlineOutsideBrackets() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                skipBlanks();
            } else {
                throw error("invalid syntax", pos);
            }
        }
    }

    private void nameOrPrefixedString() {
        int start = pos;
        while (pos < src.length()
                && (Character.isUnicodeIdentifierPart(src.charAt(pos)) && !Character.isIdentifierIgnorable(src.charAt(pos)))) {
            pos++;
        }
        String word = src.substring(start, pos);
        if (pos < src.length() && (src.charAt(pos) == '\'' || src.charAt(pos) == '"') && isStringPrefix(word)) {
            String prefix = word.toLowerCase(Locale.ROOT);
            if (prefix.contains("b")) {
                throw error("bytes literals are not supported", start);
            }
            if (prefix.contains("f")) {
                throw error("f-strings are not supported", start);
            }
            string(start, prefix);
            return;
        }
        tokens.add(new Token(Kind.NAME, word, null, start));
    }

    private static boolean isStringPrefix(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "r", "u", "b", "br", "rb", "f", "fr", "rf" -> true;
            default -> false;
        };
    }

    private void string(int start, String prefix) {
        boolean raw = prefix.contains("r");
        char quote = src.charAt(pos);
        boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error(triple ? "EOF while scanning triple-quoted string literal" : "EOL while scanning string literal",
                        src.length());
            }
            char c = src.charAt(pos);
            if (c == quote && (!triple || src.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                break;
            }
            if ((c == '\n' || c == '\r') && !triple) {
                throw error("EOL while scanning string literal", pos);
            }
            if (c == '\\') {
                if (pos + 1 >= src.length()) {
                    throw error("EOL while scanning string literal", src.length());
                }
                if (raw) {
                    // a raw string keeps the backslash, but it still stops the next character ending the string
                    value.append(c).append(src.charAt(pos + 1));
                    pos += 2;
                } else {
                    escape(value);
                }
                continue;
            }
            value.append(c);
            pos++;
        }
        tokens.add(new Token(Kind.STRING, src.substring(start, pos), value.toString(), start));
    }

    /** Python's escapes; an unknown one keeps its backslash, which is why '^10\.0' works as a pattern. */
    private void escape(StringBuilder value) {
        int at = pos;
        char e = src.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '\n' -> {}
            case '\r' -> {
                if (pos < src.length() && src.charAt(pos) == '\n') {
                    pos++;
                }
            }
            case '\\', '\'', '"' -> value.append(e);
            case 'a' -> value.append('\u0007');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'v' -> value.append('\u000b');
            case 'x' -> value.appendCodePoint(hexEscape(at, 2));
            case 'u' -> value.appendCodePoint(hexEscape(at, 4));
            case 'U' -> value.appendCodePoint(hexEscape(at, 8));
            case 'N' -> {
                int close = src.indexOf('}', pos);
                if (pos >= src.length() || src.charAt(pos) != '{' || close < 0) {
                    throw error("(unicode error) malformed \\N character escape", at);
                }
                try {
                    value.appendCodePoint(Character.codePointOf(src.substring(pos + 1, close)));
                } catch (IllegalArgumentException unknown) {
                    throw error("(unicode error) unknown Unicode character name", at);
                }
                pos = close + 1;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int code = e - '0';
                    for (int i = 0; i < 2 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; i++) {
                        code = code * 8 + (src.charAt(pos++) - '0');
                    }
                    value.append((char) code);
                } else {
                    value.append('\\').append(e);
                }
            }
        }
    }

    /** Exactly {@code digits} hex digits, as Python requires for its x, u and U escapes. */
    private int hexEscape(int at, int digits) {
        int code = 0;
        for (int i = 0; i < digits; i++) {
            int digit = pos + i < src.length() ? Character.digit(src.charAt(pos + i), 16) : -1;
            if (digit < 0) {
                throw error("(unicode error) truncated \\" + src.charAt(at + 1) + " escape", at);
            }
            code = code * 16 + digit;
        }
        if (!Character.isValidCodePoint(code)) {
            throw error("(unicode error) illegal Unicode character", at);
        }
        pos += digits;
        return code;
    }

    private void number() {
        int start = pos;
        String lower = src.substring(pos, Math.min(pos + 2, src.length())).toLowerCase(Locale.ROOT);
        Object value;
        if (lower.equals("0x") || lower.equals("0o") || lower.equals("0b")) {
            int radix = lower.equals("0x") ? 16 : lower.equals("0o") ? 8 : 2;
            pos += 2;
            value = integer(digits(radix, start), radix, start);
        } else {
            String intPart = digits(10, start);
            boolean isFloat = false;
            StringBuilder text = new StringBuilder(intPart);
            if (pos < src.length() && src.charAt(pos) == '.') {
                pos++;
                isFloat = true;
                text.append('.');
                if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    text.append(digits(10, start));
                }
            }
            if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
                int mark = pos++;
                StringBuilder exponent = new StringBuilder("e");
                if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                    exponent.append(src.charAt(pos++));
                }
                if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    text.append(exponent).append(digits(10, start));
                    isFloat = true;
                } else {
                    pos = mark;
                }
            }
            if (pos < src.length() && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
                throw error("complex numbers are not supported", start);
            }
            if (isFloat) {
                value = Double.parseDouble(text.charAt(0) == '.' ? "0" + text : text.toString());
            } else {
                if (intPart.length() > 1 && intPart.charAt(0) == '0' && intPart.chars().anyMatch(ch -> ch != '0')) {
                    throw error("invalid token", start);
                }
                value = integer(intPart, 10, start);
            }
        }
        if (pos < src.length() && (Character.isUnicodeIdentifierPart(src.charAt(pos)))) {
            throw error("invalid syntax", pos);
        }
        tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), value, start));
    }

    /** Digits of a radix with Python's single underscores between them. */
    private String digits(int radix, int start) {
        StringBuilder out = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.digit(c, radix) >= 0 && c < 128) {
                out.append(c);
                pos++;
            } else if (c == '_' && !out.isEmpty() && pos + 1 < src.length() && Character.digit(src.charAt(pos + 1), radix) >= 0) {
                pos++;
            } else {
                break;
            }
        }
        if (out.isEmpty() && radix != 10) {
            throw error("invalid token", start);
        }
        return out.toString();
    }

    private Long integer(String digits, int radix, int start) {
        try {
            return Long.parseLong(digits.isEmpty() ? "0" : digits, radix);
        } catch (NumberFormatException tooLarge) {
            throw error("integer literal too large (the engine's integers are 64-bit)", start);
        }
    }

    private void operator(char c) {
        int start = pos;
        if (src.startsWith("...", pos)) {
            throw error("'...' is not supported", start);
        }
        String two = src.substring(pos, Math.min(pos + 2, src.length()));
        String op;
        if (TWO_CHAR_OPS.contains(two)) {
            op = two;
        } else if (ONE_CHAR_OPS.indexOf(c) >= 0) {
            op = String.valueOf(c);
        } else {
            throw error("invalid syntax", start);
        }
        pos += op.length();
        if (op.equals("(") || op.equals("[") || op.equals("{")) {
            depth++;
        } else if ((op.equals(")") || op.equals("]") || op.equals("}")) && depth > 0) {
            depth--;
        }
        tokens.add(new Token(Kind.OP, op, null, start));
    }

    private ExpressionSyntaxException error(String reason, int offset) {
        return ExpressionSyntaxException.at(reason, src, offset);
    }
}
