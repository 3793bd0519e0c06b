package io.reflex.engine.policy.expr;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a parsed Python-style expression as CEL text over the {@code py_*} functions of
 * {@link PyFunctions}.
 *
 * <p>Every node is translated in one of two modes. In <em>condition</em> mode (the whole expression,
 * and the operands of {@code and}, {@code or}, {@code not}) it yields a CEL bool, so {@code and} and
 * {@code or} become conditionals: CEL's own {@code &&} and {@code ||} absorb errors commutatively,
 * which would turn the original's "error means false" into "true" under a {@code not}. In
 * <em>value</em> mode it yields the Python value, and {@code and}/{@code or} return an operand as Python
 * does, through {@code cel.bind} so the left side runs once.
 */
final class CelTranslator {

    /** The names an expression may read; the engine supplies them through {@link ExpressionContext}. */
    static final Set<String> ATTRIBUTES = Set.of(
            "token_nbr", "token_name", "ip", "http_headers", "groups", "action", "sensitive", "obj_type", "obj",
            "cert_cn", "user_name");

    /**
     * The dicts the original gave attribute access ({@code groups.dev_team}, {@code http_headers.X_Password}).
     * {@code obj} was a plain dict there, so {@code obj.name} failed and a scope written that way never matched;
     * keeping that means an upgrade never widens what an existing scope grants.
     */
    private static final java.util.Set<String> ATTRIBUTE_DICTS = java.util.Set.of("groups", "http_headers");
    private static final Set<String> FUNCTIONS = Set.of("rx", "debug", "pwin", "pwsin", "re");

    /** The {@code re} flags with Python's numeric values, so they can be or-ed into the flags argument. */
    private static final Map<String, Long> RE_FLAGS = Map.ofEntries(
            Map.entry("I", 2L), Map.entry("IGNORECASE", 2L),
            Map.entry("M", 8L), Map.entry("MULTILINE", 8L),
            Map.entry("S", 16L), Map.entry("DOTALL", 16L),
            Map.entry("X", 64L), Map.entry("VERBOSE", 64L),
            Map.entry("A", 256L), Map.entry("ASCII", 256L));

    private static final Set<String> RE_FUNCTIONS = Set.of("match", "search", "fullmatch");

    private static final int MAX_METHOD_ARGS = 3;

    private int bindings;

    private final boolean attributesOnAnyDict;

    private CelTranslator(boolean attributesOnAnyDict) {
        this.attributesOnAnyDict = attributesOnAnyDict;
    }

    static String translate(Node root, boolean attributesOnAnyDict) {
        return new CelTranslator(attributesOnAnyDict).condition(root);
    }

    private String condition(Node node) {
        return switch (node) {
            case Node.BoolOp op when op.and() -> "(" + condition(op.left()) + " ? " + condition(op.right()) + " : false)";
            case Node.BoolOp op -> "(" + condition(op.left()) + " ? true : " + condition(op.right()) + ")";
            case Node.Not not -> "!" + condition(not.operand());
            case Node.Compare compare -> compare(compare, 0);
            case Node.Const c when c.value() instanceof Boolean b -> b.toString();
            case Node.Name n when n.id().equals("true") || n.id().equals("false") -> n.id();
            case Node.Call call when isPasswordCheck(call) -> value(call);
            default -> "py_truthy(" + value(node) + ")";
        };
    }

    private String value(Node node) {
        return switch (node) {
            case Node.Const c -> literal(c.value());
            case Node.Name n -> name(n.id());
            case Node.Sequence seq -> "py_list([" + join(seq.items()) + "])";
            case Node.BoolOp op -> {
                String t = "py" + bindings++;
                String rest = op.and() ? value(op.right()) + " : " + t : t + " : " + value(op.right());
                yield "cel.bind(" + t + ", " + value(op.left()) + ", py_truthy(" + t + ") ? " + rest + ")";
            }
            case Node.Not not -> "!" + condition(not.operand());
            case Node.Compare compare -> compare(compare, 0);
            case Node.Arith a -> (a.op().equals("+") ? "py_add(" : "py_sub(") + value(a.left()) + ", " + value(a.right()) + ")";
            case Node.Unary u when u.op().equals("-") && u.operand() instanceof Node.Const(Long l) -> literal(-l);
            case Node.Unary u when u.op().equals("-") && u.operand() instanceof Node.Const(Double d) -> literal(-d);
            case Node.Unary u -> (u.op().equals("-") ? "py_neg(" : "py_pos(") + value(u.operand()) + ")";
            case Node.Index i -> "py_index(" + value(i.value()) + ", " + value(i.index()) + ")";
            case Node.Slice s -> "py_slice(" + value(s.value()) + ", " + optional(s.lower()) + ", "
                    + optional(s.upper()) + ", " + optional(s.step()) + ")";
            case Node.Attr a when a.value() instanceof Node.Name(String module) && module.equals("re") -> reAttribute(a.name());
            case Node.Attr a when attributesOnAnyDict
                    || a.value() instanceof Node.Name(String dict) && ATTRIBUTE_DICTS.contains(dict) ->
                    "py_getattr(" + value(a.value()) + ", " + literal(a.name()) + ")";
            case Node.Attr a -> error("AttributeError: '" + a.name() + "': only groups and http_headers allow attribute access");
            case Node.Call call -> call(call);
        };
    }

    /** A chain {@code a < b < c} is {@code a < b and b < c}; the middle operand is evaluated twice. */
    private String compare(Node.Compare compare, int from) {
        Node left = from == 0 ? compare.first() : compare.operands().get(from - 1);
        String one = comparison(compare.ops().get(from), value(left), value(compare.operands().get(from)));
        if (from == compare.ops().size() - 1) {
            return one;
        }
        return "(" + one + " ? " + compare(compare, from + 1) + " : false)";
    }

    private static String comparison(String op, String left, String right) {
        String args = "(" + left + ", " + right + ")";
        return switch (op) {
            case "==" -> "py_eq" + args;
            case "!=" -> "!py_eq" + args;
            case "<" -> "py_lt" + args;
            case "<=" -> "py_le" + args;
            case ">" -> "py_gt" + args;
            case ">=" -> "py_ge" + args;
            case "in" -> "py_in" + args;
            case "not in" -> "!py_in" + args;
            case "is" -> "py_is" + args;
            case "is not" -> "!py_is" + args;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private String name(String id) {
        if (ATTRIBUTES.contains(id)) {
            return id;
        }
        if (id.equals("true") || id.equals("false")) {
            return id;
        }
        if (FUNCTIONS.contains(id)) {
            return error("TypeError: '" + id + "' can only be called");
        }
        return error("NameError: name '" + id + "' is not defined");
    }

    private String reAttribute(String attribute) {
        Long flag = RE_FLAGS.get(attribute);
        if (flag != null) {
            return literal(flag);
        }
        return error("AttributeError: re." + attribute + " is not available here");
    }

    private String call(Node.Call call) {
        List<Node> args = call.args();
        if (call.function() instanceof Node.Name(String fn)) {
            return switch (fn) {
                case "rx" -> regex("py_re_search", "rx", args);
                case "debug" -> "py_debug([" + join(args) + "])";
                case "pwin", "pwsin" -> args.size() == 2
                        ? "py_" + fn + "(groups, " + join(args) + ")"
                        : error("TypeError: " + fn + "() takes 2 positional arguments but " + args.size() + " were given");
                default -> ATTRIBUTES.contains(fn) || fn.equals("true") || fn.equals("false")
                        ? error("TypeError: '" + fn + "' is not callable")
                        : error("NameError: name '" + fn + "' is not defined");
            };
        }
        if (call.function() instanceof Node.Attr(Node.Name(String module), String fn) && module.equals("re")) {
            return RE_FUNCTIONS.contains(fn)
                    ? regex("py_re_" + fn, "re." + fn, args)
                    : error("AttributeError: re." + fn + " is not available here");
        }
        if (call.function() instanceof Node.Attr(Node receiver, String method)) {
            if (args.size() > MAX_METHOD_ARGS) {
                return error("TypeError: " + method + "() takes at most " + MAX_METHOD_ARGS + " arguments here");
            }
            StringBuilder out = new StringBuilder("py_method(").append(value(receiver)).append(", ").append(literal(method));
            for (Node arg : args) {
                out.append(", ").append(value(arg));
            }
            return out.append(")").toString();
        }
        return error("TypeError: object is not callable");
    }

    private String regex(String function, String pythonName, List<Node> args) {
        if (args.size() != 2 && args.size() != 3) {
            return error("TypeError: " + pythonName + "() takes 2 or 3 arguments but " + args.size() + " were given");
        }
        return function + "(" + join(args) + ")";
    }

    private static boolean isPasswordCheck(Node.Call call) {
        return call.function() instanceof Node.Name(String fn)
                && (fn.equals("pwin") || fn.equals("pwsin"))
                && call.args().size() == 2;
    }

    private String optional(Node node) {
        return node == null ? "null" : value(node);
    }

    private String join(List<Node> nodes) {
        StringBuilder out = new StringBuilder();
        for (Node n : nodes) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(value(n));
        }
        return out.toString();
    }

    /**
     * Python errors that are certain at compile time still surface at evaluation, as in the original,
     * which only checked that an expression parses: the expression is then simply false.
     */
    private static String error(String message) {
        return "py_error(" + literal(message) + ")";
    }

    static String literal(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> quote(s);
            case Boolean b -> b.toString();
            case Long l -> l.toString();
            case Double d when d.isNaN() || d.isInfinite() -> "double(\"" + d + "\")";
            case Double d -> d.toString();
            default -> throw new IllegalArgumentException("no CEL literal for " + value.getClass());
        };
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return out.append('"').toString();
    }
}
