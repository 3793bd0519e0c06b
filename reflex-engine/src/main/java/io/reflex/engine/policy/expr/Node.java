package io.reflex.engine.policy.expr;

import java.util.List;

/** The syntax tree of a Python-style expression, as the parser builds it and the translator reads it. */
sealed interface Node {

    /** A String, Long, Double or Boolean; {@code null} stands for Python's None. */
    record Const(Object value) implements Node {}

    record Name(String id) implements Node {}

    /** A list or tuple display; tuples behave as lists at run time. */
    record Sequence(List<Node> items) implements Node {}

    record BoolOp(boolean and, Node left, Node right) implements Node {}

    record Not(Node operand) implements Node {}

    /** {@code first ops[0] operands[0] ops[1] operands[1] ...}, Python's chained comparison. */
    record Compare(Node first, List<String> ops, List<Node> operands) implements Node {}

    /** {@code +} or {@code -}. */
    record Arith(String op, Node left, Node right) implements Node {}

    /** Unary {@code +} or {@code -}. */
    record Unary(String op, Node operand) implements Node {}

    record Index(Node value, Node index) implements Node {}

    /** {@code value[lower:upper:step]}; absent parts are {@code null}. */
    record Slice(Node value, Node lower, Node upper, Node step) implements Node {}

    record Attr(Node value, String name) implements Node {}

    record Call(Node function, List<Node> args) implements Node {}
}
