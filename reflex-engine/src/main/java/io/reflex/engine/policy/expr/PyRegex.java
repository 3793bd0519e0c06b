package io.reflex.engine.policy.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python {@code re} patterns on {@code java.util.regex}. The syntax policies use is common to both;
 * this class rewrites the rest: named groups {@code (?P<n>...)} and {@code (?P=n)} become numbered
 * groups (Java group names cannot contain {@code _}), {@code \Z} becomes {@code \z}, and the
 * characters Java reads specially inside classes or as repetition ({@code [}, {@code &},
 * {@code {}) are escaped where Python reads them literally. Compiled patterns are cached, since
 * policies pass the same literal on every request.
 */
final class PyRegex {

    /** Python's flag values, as {@code re.I} and friends translate them. */
    private static final int IGNORECASE = 2;
    private static final int MULTILINE = 8;
    private static final int DOTALL = 16;
    private static final int VERBOSE = 64;
    private static final int ASCII = 256;

    private static final int CACHE_LIMIT = 1024;
    private static final Map<String, Compiled> PLAIN = new ConcurrentHashMap<>();
    private static final Map<FlaggedKey, Compiled> FLAGGED = new ConcurrentHashMap<>();

    enum Mode {
        SEARCH,
        MATCH,
        FULLMATCH
    }

    private record FlaggedKey(String pattern, long flags) {}

    private record Compiled(Pattern pattern, Map<String, Integer> names) {}

    /** A successful match: what {@code re.match} returns, truthy, with {@code group()} and {@code groups()}. */
    static final class Match {
        private final Matcher matcher;
        private final Map<String, Integer> names;

        private Match(Matcher matcher, Map<String, Integer> names) {
            this.matcher = matcher;
            this.names = names;
        }

        Object group(Object which) {
            int number;
            if (which instanceof Long l && l >= 0 && l <= matcher.groupCount()) {
                number = l.intValue();
            } else if (which instanceof String name && names.containsKey(name)) {
                number = names.get(name);
            } else {
                throw new PyError("IndexError: no such group");
            }
            String text = matcher.group(number);
            return text == null ? PyOps.NONE : text;
        }

        List<Object> groups() {
            List<Object> out = new ArrayList<>(matcher.groupCount());
            for (int i = 1; i <= matcher.groupCount(); i++) {
                out.add(group((long) i));
            }
            return List.copyOf(out);
        }

        @Override
        public String toString() {
            return "<re.Match object; match='" + matcher.group() + "'>";
        }
    }

    private PyRegex() {}

    /** {@code re.search}, {@code re.match} or {@code re.fullmatch}: a {@link Match}, or None. */
    static Object apply(Mode mode, Object pattern, Object text, Object flags) {
        if (!(pattern instanceof String p)) {
            throw PyError.typeError("first argument must be string or compiled pattern");
        }
        if (!(text instanceof String s)) {
            throw PyError.typeError("expected string or bytes-like object");
        }
        if (!(flags instanceof Long f)) {
            throw PyError.typeError("flags must be an integer");
        }
        Compiled compiled = compile(p, f);
        Matcher matcher = compiled.pattern().matcher(s);
        boolean found = switch (mode) {
            case SEARCH -> matcher.find();
            case MATCH -> matcher.lookingAt();
            case FULLMATCH -> matcher.matches();
        };
        return found ? new Match(matcher, compiled.names()) : PyOps.NONE;
    }

    private static Compiled compile(String pattern, long flags) {
        Compiled cached = flags == 0 ? PLAIN.get(pattern) : FLAGGED.get(new FlaggedKey(pattern, flags));
        if (cached != null) {
            return cached;
        }
        Compiled compiled = translate(pattern, flags);
        if (PLAIN.size() + FLAGGED.size() > CACHE_LIMIT) {
            PLAIN.clear();
            FLAGGED.clear();
        }
        if (flags == 0) {
            PLAIN.put(pattern, compiled);
        } else {
            FLAGGED.put(new FlaggedKey(pattern, flags), compiled);
        }
        return compiled;
    }

    private static Compiled translate(String py, long flags) {
        StringBuilder out = new StringBuilder(py.length() + 8);
        Map<String, Integer> names = new HashMap<>();
        int groups = 0;
        boolean inClass = false;
        boolean classStart = false;
        int i = 0;
        while (i < py.length()) {
            char c = py.charAt(i);
            if (c == '\\') {
                if (i + 1 >= py.length()) {
                    throw reError("bad escape (end of pattern)");
                }
                char e = py.charAt(i + 1);
                out.append(!inClass && e == 'Z' ? "\\z" : py.substring(i, i + 2));
                i += 2;
                classStart = false;
                continue;
            }
            if (inClass) {
                if (c == ']' && !classStart) {
                    inClass = false;
                    out.append(c);
                } else if (c == '[' || c == '&' || c == ']') {
                    out.append('\\').append(c);
                } else {
                    out.append(c);
                }
                classStart = false;
                i++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    classStart = true;
                    out.append(c);
                    if (i + 1 < py.length() && py.charAt(i + 1) == '^') {
                        out.append('^');
                        i++;
                    }
                    i++;
                }
                case '(' -> {
                    if (py.startsWith("(?P<", i)) {
                        int close = py.indexOf('>', i);
                        if (close < 0) {
                            throw reError("missing >, unterminated name");
                        }
                        names.put(py.substring(i + 4, close), ++groups);
                        out.append('(');
                        i = close + 1;
                    } else if (py.startsWith("(?P=", i)) {
                        int close = py.indexOf(')', i);
                        Integer number = close < 0 ? null : names.get(py.substring(i + 4, close));
                        if (number == null) {
                            throw reError("unknown group name");
                        }
                        out.append("(?:\\").append(number).append(')');
                        i = close + 1;
                    } else if (py.startsWith("(?#", i)) {
                        int close = py.indexOf(')', i);
                        i = close < 0 ? py.length() : close + 1;
                    } else {
                        if (!py.startsWith("(?", i)) {
                            groups++;
                        }
                        out.append(c);
                        i++;
                    }
                }
                case '{' -> {
                    int close = py.indexOf('}', i);
                    String body = close < 0 ? "" : py.substring(i + 1, close);
                    if (body.matches("\\d+(,\\d*)?|,\\d+")) {
                        out.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
                        i = close + 1;
                    } else {
                        out.append("\\{");
                        i++;
                    }
                }
                case '}' -> {
                    out.append("\\}");
                    i++;
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
        int javaFlags = (flags & ASCII) != 0 ? 0 : Pattern.UNICODE_CHARACTER_CLASS;
        if ((flags & IGNORECASE) != 0) {
            javaFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if ((flags & MULTILINE) != 0) {
            javaFlags |= Pattern.MULTILINE;
        }
        if ((flags & DOTALL) != 0) {
            javaFlags |= Pattern.DOTALL;
        }
        if ((flags & VERBOSE) != 0) {
            javaFlags |= Pattern.COMMENTS;
        }
        try {
            return new Compiled(Pattern.compile(out.toString(), javaFlags), Map.copyOf(names));
        } catch (PatternSyntaxException bad) {
            throw reError(bad.getDescription());
        }
    }

    private static PyError reError(String message) {
        return new PyError("re.error: " + message);
    }
}
