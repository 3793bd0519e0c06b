package io.reflex.engine.policy.expr;

import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's semantics for the values an expression sees: None (CEL's {@link NullValue}), bool, int
 * (Long), float (Double), str, list (tuples too), dict and regex matches. Each method either returns
 * what Python would or throws the {@link PyError} Python would raise.
 */
final class PyOps {

    static final Object NONE = NullValue.NULL_VALUE;

    private PyOps() {}

    static boolean truthy(Object v) {
        return switch (v) {
            case NullValue n -> false;
            case Boolean b -> b;
            case Long l -> l != 0;
            case Double d -> d != 0.0;
            case String s -> !s.isEmpty();
            case List<?> l -> !l.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    static String typeName(Object v) {
        return switch (v) {
            case NullValue n -> "NoneType";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Double d -> "float";
            case String s -> "str";
            case List<?> l -> "list";
            case Map<?, ?> m -> "dict";
            case PyRegex.Match m -> "re.Match";
            default -> v.getClass().getSimpleName();
        };
    }

    static String repr(Object v) {
        return switch (v) {
            case NullValue n -> "None";
            case Boolean b -> b ? "True" : "False";
            case String s -> "'" + s + "'";
            default -> String.valueOf(v);
        };
    }

    private static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof Boolean;
    }

    private static long toLong(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : (Long) v;
    }

    private static double toDouble(Object v) {
        return v instanceof Double d ? d : toLong(v);
    }

    private static boolean isNaN(Object v) {
        return v instanceof Double d && d.isNaN();
    }

    /** Exact comparison of two numbers, as Python compares int with float; neither may be NaN. */
    private static int compareNumbers(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            double x = toDouble(a);
            double y = toDouble(b);
            boolean exact = (a instanceof Double || Math.abs(toLong(a)) <= 1L << 53)
                    && (b instanceof Double || Math.abs(toLong(b)) <= 1L << 53);
            if (exact || Double.isInfinite(x) || Double.isInfinite(y)) {
                return x < y ? -1 : x > y ? 1 : 0;
            }
            BigDecimal bx = a instanceof Double ? new BigDecimal(x) : BigDecimal.valueOf(toLong(a));
            BigDecimal by = b instanceof Double ? new BigDecimal(y) : BigDecimal.valueOf(toLong(b));
            return bx.compareTo(by);
        }
        return Long.compare(toLong(a), toLong(b));
    }

    static boolean eq(Object a, Object b) {
        if (a instanceof NullValue || b instanceof NullValue) {
            return a == b;
        }
        if (isNumber(a) && isNumber(b)) {
            return !isNaN(a) && !isNaN(b) && compareNumbers(a, b) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!eq(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object other = y.get(e.getKey());
                if (other == null || !eq(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    enum Order {
        LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Order(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
            };
        }
    }

    static boolean compare(Object a, Object b, Order order) {
        if (isNumber(a) && isNumber(b)) {
            return !isNaN(a) && !isNaN(b) && order.holds(compareNumbers(a, b));
        }
        if (a instanceof String x && b instanceof String y) {
            return order.holds(compareCodePoints(x, y));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            int common = Math.min(x.size(), y.size());
            for (int i = 0; i < common; i++) {
                if (!eq(x.get(i), y.get(i))) {
                    return compare(x.get(i), y.get(i), order);
                }
            }
            return order.holds(Integer.compare(x.size(), y.size()));
        }
        throw PyError.typeError("'" + order.symbol + "' not supported between instances of '" + typeName(a)
                + "' and '" + typeName(b) + "'");
    }

    /** Python orders strings by code point; Java's compareTo orders by UTF-16 unit. */
    private static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return i < x.length() ? 1 : j < y.length() ? -1 : 0;
    }

    /** {@code needle in haystack}: substring for str, membership for lists, key for dicts. */
    static boolean in(Object needle, Object haystack) {
        switch (haystack) {
            case String s -> {
                if (needle instanceof String n) {
                    return s.contains(n);
                }
                throw PyError.typeError("'in <string>' requires string as left operand, not " + typeName(needle));
            }
            case List<?> list -> {
                for (Object item : list) {
                    if (eq(needle, item)) {
                        return true;
                    }
                }
                return false;
            }
            case Map<?, ?> map -> {
                requireHashable(needle);
                if (needle instanceof String) {
                    return map.containsKey(needle);
                }
                for (Object key : map.keySet()) {
                    if (eq(needle, key)) {
                        return true;
                    }
                }
                return false;
            }
            default -> throw PyError.typeError("argument of type '" + typeName(haystack) + "' is not iterable");
        }
    }

    /** Identity is only meaningful for None, True and False; other values are identical only to themselves. */
    static boolean is(Object a, Object b) {
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.equals(y);
        }
        return a == b;
    }

    static Object index(Object value, Object key) {
        switch (value) {
            case Map<?, ?> map -> {
                requireHashable(key);
                Object found = map.get(key);
                if (found == null) {
                    throw PyError.keyError(key);
                }
                return found;
            }
            case List<?> list -> {
                return list.get(position(key, list.size(), "list"));
            }
            case String s -> {
                CodePoints cps = new CodePoints(s);
                int i = position(key, cps.length(), "string");
                return cps.substring(i, i + 1);
            }
            default -> throw PyError.typeError("'" + typeName(value) + "' object is not subscriptable");
        }
    }

    private static void requireHashable(Object key) {
        if (key instanceof List<?> || key instanceof Map<?, ?>) {
            throw PyError.typeError("unhashable type: '" + typeName(key) + "'");
        }
    }

    private static int position(Object key, int length, String what) {
        if (!(key instanceof Long) && !(key instanceof Boolean)) {
            throw PyError.typeError(what + " indices must be integers or slices, not " + typeName(key));
        }
        long i = toLong(key);
        long adjusted = i < 0 ? i + length : i;
        if (adjusted < 0 || adjusted >= length) {
            throw new PyError("IndexError: " + what + " index out of range");
        }
        return (int) adjusted;
    }

    static Object slice(Object value, Object lower, Object upper, Object step) {
        long stride = step instanceof NullValue ? 1 : sliceBound(step);
        if (stride == 0) {
            throw new PyError("ValueError: slice step cannot be zero");
        }
        switch (value) {
            case String s -> {
                CodePoints cps = new CodePoints(s);
                long[] range = range(cps.length(), lower, upper, stride);
                if (stride == 1) {
                    return range[1] <= range[0] ? "" : cps.substring((int) range[0], (int) range[1]);
                }
                StringBuilder out = new StringBuilder();
                for (long i = range[0]; stride > 0 ? i < range[1] : i > range[1]; i += stride) {
                    out.appendCodePoint(cps.at((int) i));
                }
                return out.toString();
            }
            case List<?> list -> {
                long[] range = range(list.size(), lower, upper, stride);
                List<Object> out = new ArrayList<>();
                for (long i = range[0]; stride > 0 ? i < range[1] : i > range[1]; i += stride) {
                    out.add(list.get((int) i));
                }
                return List.copyOf(out);
            }
            default -> throw PyError.typeError("'" + typeName(value) + "' object is not subscriptable");
        }
    }

    private static long sliceBound(Object bound) {
        if (bound instanceof Long || bound instanceof Boolean) {
            return toLong(bound);
        }
        throw PyError.typeError("slice indices must be integers or None or have an __index__ method");
    }

    /** Python's {@code slice.indices(length)}: the start and stop after defaults, wrapping and clamping. */
    private static long[] range(int length, Object lower, Object upper, long stride) {
        long start = lower instanceof NullValue ? (stride < 0 ? length - 1 : 0) : clamp(sliceBound(lower), length, stride);
        long stop = upper instanceof NullValue ? (stride < 0 ? -1 : length) : clamp(sliceBound(upper), length, stride);
        return new long[] {start, stop};
    }

    private static long clamp(long bound, int length, long stride) {
        if (bound < 0) {
            bound += length;
            if (bound < 0) {
                return stride < 0 ? -1 : 0;
            }
        } else if (bound >= length) {
            return stride < 0 ? length - 1 : length;
        }
        return bound;
    }

    static Object add(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                return toDouble(a) + toDouble(b);
            }
            try {
                return Math.addExact(toLong(a), toLong(b));
            } catch (ArithmeticException overflow) {
                throw new PyError("OverflowError: integer result does not fit in 64 bits");
            }
        }
        if (a instanceof String x && b instanceof String y) {
            return x + y;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> out = new ArrayList<>(x);
            out.addAll(y);
            return List.copyOf(out);
        }
        throw operandError("+", a, b);
    }

    static Object subtract(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                return toDouble(a) - toDouble(b);
            }
            try {
                return Math.subtractExact(toLong(a), toLong(b));
            } catch (ArithmeticException overflow) {
                throw new PyError("OverflowError: integer result does not fit in 64 bits");
            }
        }
        throw operandError("-", a, b);
    }

    static Object negate(Object a) {
        return switch (a) {
            case Double d -> -d;
            case Long l when l == Long.MIN_VALUE -> throw new PyError("OverflowError: integer result does not fit in 64 bits");
            case Long l -> -l;
            case Boolean b -> b ? -1L : 0L;
            default -> throw PyError.typeError("bad operand type for unary -: '" + typeName(a) + "'");
        };
    }

    static Object plus(Object a) {
        return switch (a) {
            case Double d -> d;
            case Long l -> l;
            case Boolean b -> b ? 1L : 0L;
            default -> throw PyError.typeError("bad operand type for unary +: '" + typeName(a) + "'");
        };
    }

    private static PyError operandError(String op, Object a, Object b) {
        return PyError.typeError("unsupported operand type(s) for " + op + ": '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    /**
     * Attribute access reads dict keys, which is how the original's {@code groups.dev_team} and
     * {@code http_headers.X_Password} work; it works on {@code obj} too, where the original failed.
     */
    static Object attribute(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            Object found = map.get(name);
            if (found == null) {
                throw PyError.keyError(name);
            }
            return found;
        }
        throw new PyError("AttributeError: '" + typeName(value) + "' object has no attribute '" + name + "'");
    }

    /** A string by code point, as Python indexes it; strings without surrogates skip the copy. */
    private static final class CodePoints {
        private final String s;
        private final int[] points;

        CodePoints(String s) {
            this.s = s;
            boolean surrogates = false;
            for (int i = 0; i < s.length() && !surrogates; i++) {
                surrogates = Character.isSurrogate(s.charAt(i));
            }
            this.points = surrogates ? s.codePoints().toArray() : null;
        }

        int length() {
            return points == null ? s.length() : points.length;
        }

        int at(int i) {
            return points == null ? s.charAt(i) : points[i];
        }

        String substring(int from, int to) {
            return points == null ? s.substring(from, to) : new String(points, from, to - from);
        }
    }
}
