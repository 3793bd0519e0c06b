package io.reflex.engine.policy.expr;

/** One lexical token; {@code offset} is its 0-based start in the source, for error positions. */
record Token(Kind kind, String text, Object value, int offset) {

    enum Kind {
        NAME,
        /** {@code value} is a Long or Double. */
        NUMBER,
        /** {@code value} is the decoded String (adjacent literals already joined). */
        STRING,
        OP,
        END
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isOp(String t) {
        return is(Kind.OP, t);
    }

    boolean isKeyword(String t) {
        return is(Kind.NAME, t);
    }
}
