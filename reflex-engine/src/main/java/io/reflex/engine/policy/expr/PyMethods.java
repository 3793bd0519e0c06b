package io.reflex.engine.policy.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The methods an expression may call: the common {@code str} methods, {@code dict.get/keys/values/items},
 * {@code list.count/index} and {@code match.group/groups}. Anything else raises AttributeError, which
 * makes the expression false, as an unknown method did in the original.
 */
final class PyMethods {

    private PyMethods() {}

    static Object call(Object receiver, String method, Object... args) {
        return switch (receiver) {
            case String s -> string(s, method, args);
            case Map<?, ?> m -> dict(m, method, args);
            case List<?> l -> list(l, method, args);
            case PyRegex.Match m -> match(m, method, args);
            default -> throw noAttribute(receiver, method);
        };
    }

    private static Object string(String s, String method, Object[] args) {
        switch (method) {
            case "startswith", "endswith" -> {
                arity(method, args, 1, 1);
                boolean start = method.equals("startswith");
                if (args[0] instanceof List<?> options) {
                    for (Object option : options) {
                        if (affix(s, str(method, option), start)) {
                            return true;
                        }
                    }
                    return false;
                }
                return affix(s, str(method, args[0]), start);
            }
            case "lower" -> {
                arity(method, args, 0, 0);
                return s.toLowerCase(Locale.ROOT);
            }
            case "upper" -> {
                arity(method, args, 0, 0);
                return s.toUpperCase(Locale.ROOT);
            }
            case "strip", "lstrip", "rstrip" -> {
                arity(method, args, 0, 1);
                String chars = args.length == 0 || args[0] == PyOps.NONE ? null : str(method, args[0]);
                return strip(s, chars, !method.equals("rstrip"), !method.equals("lstrip"));
            }
            case "split" -> {
                arity(method, args, 0, 2);
                String sep = args.length == 0 || args[0] == PyOps.NONE ? null : str(method, args[0]);
                long max = args.length < 2 ? -1 : integer(method, args[1]);
                return split(s, sep, max);
            }
            case "find" -> {
                arity(method, args, 1, 1);
                int at = s.indexOf(str(method, args[0]));
                return (long) (at < 0 ? -1 : s.codePointCount(0, at));
            }
            case "count" -> {
                arity(method, args, 1, 1);
                String sub = str(method, args[0]);
                if (sub.isEmpty()) {
                    return (long) s.codePointCount(0, s.length()) + 1;
                }
                long count = 0;
                for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
                    count++;
                }
                return count;
            }
            case "replace" -> {
                arity(method, args, 2, 2);
                return s.replace(str(method, args[0]), str(method, args[1]));
            }
            case "join" -> {
                arity(method, args, 1, 1);
                if (!(args[0] instanceof List<?> parts)) {
                    throw PyError.typeError("can only join an iterable");
                }
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < parts.size(); i++) {
                    if (i > 0) {
                        out.append(s);
                    }
                    out.append(str(method, parts.get(i)));
                }
                return out.toString();
            }
            case "isdigit" -> {
                arity(method, args, 0, 0);
                return !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
            }
            case "isalpha" -> {
                arity(method, args, 0, 0);
                return !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
            }
            case "isalnum" -> {
                arity(method, args, 0, 0);
                return !s.isEmpty() && s.codePoints().allMatch(Character::isLetterOrDigit);
            }
            default -> throw noAttribute(s, method);
        }
    }

    private static boolean affix(String s, String affix, boolean start) {
        return start ? s.startsWith(affix) : s.endsWith(affix);
    }

    /** Python strips whitespace by default, or any of the given characters. */
    private static String strip(String s, String chars, boolean left, boolean right) {
        int from = 0;
        int to = s.length();
        while (left && from < to && strippable(s.charAt(from), chars)) {
            from++;
        }
        while (right && to > from && strippable(s.charAt(to - 1), chars)) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean strippable(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) || Character.isSpaceChar(c) : chars.indexOf(c) >= 0;
    }

    private static List<String> split(String s, String sep, long max) {
        List<String> out = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            while (true) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    break;
                }
                if (max >= 0 && out.size() == max) {
                    out.add(s.substring(i));
                    break;
                }
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                out.add(s.substring(i, end));
                i = end;
            }
            return List.copyOf(out);
        }
        if (sep.isEmpty()) {
            throw new PyError("ValueError: empty separator");
        }
        int from = 0;
        for (int at = s.indexOf(sep); at >= 0 && (max < 0 || out.size() < max); at = s.indexOf(sep, from)) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return List.copyOf(out);
    }

    private static Object dict(Map<?, ?> m, String method, Object[] args) {
        switch (method) {
            case "get" -> {
                arity(method, args, 1, 2);
                Object found = m.get(args[0]);
                return found != null ? found : args.length > 1 ? args[1] : PyOps.NONE;
            }
            case "keys" -> {
                arity(method, args, 0, 0);
                return List.copyOf(m.keySet());
            }
            case "values" -> {
                arity(method, args, 0, 0);
                return List.copyOf(m.values());
            }
            case "items" -> {
                arity(method, args, 0, 0);
                List<Object> items = new ArrayList<>(m.size());
                m.forEach((k, v) -> items.add(List.of(k, v)));
                return List.copyOf(items);
            }
            default -> throw noAttribute(m, method);
        }
    }

    private static Object list(List<?> l, String method, Object[] args) {
        switch (method) {
            case "count" -> {
                arity(method, args, 1, 1);
                return l.stream().filter(item -> PyOps.eq(args[0], item)).count();
            }
            case "index" -> {
                arity(method, args, 1, 1);
                for (int i = 0; i < l.size(); i++) {
                    if (PyOps.eq(args[0], l.get(i))) {
                        return (long) i;
                    }
                }
                throw new PyError("ValueError: " + PyOps.repr(args[0]) + " is not in list");
            }
            default -> throw noAttribute(l, method);
        }
    }

    private static Object match(PyRegex.Match m, String method, Object[] args) {
        switch (method) {
            case "group" -> {
                arity(method, args, 0, 1);
                return m.group(args.length == 0 ? 0L : args[0]);
            }
            case "groups" -> {
                arity(method, args, 0, 0);
                return m.groups();
            }
            default -> throw noAttribute(m, method);
        }
    }

    private static void arity(String method, Object[] args, int min, int max) {
        if (args.length < min || args.length > max) {
            throw PyError.typeError(method + "() takes " + (min == max ? String.valueOf(min) : min + " to " + max)
                    + " arguments (" + args.length + " given)");
        }
    }

    private static String str(String method, Object arg) {
        if (arg instanceof String s) {
            return s;
        }
        throw PyError.typeError(method + "() argument must be str, not " + PyOps.typeName(arg));
    }

    private static long integer(String method, Object arg) {
        if (arg instanceof Long l) {
            return l;
        }
        throw PyError.typeError(method + "() argument must be int, not " + PyOps.typeName(arg));
    }

    private static PyError noAttribute(Object receiver, String name) {
        return new PyError("AttributeError: '" + PyOps.typeName(receiver) + "' object has no attribute '" + name + "'");
    }
}
