package io.reflex.engine.policy.expr;

import java.io.Serial;

/**
 * An expression text that cannot be compiled: a syntax error, a construct the language leaves out
 * (lambda, arithmetic beyond {@code +}/{@code -}, comprehensions, ...), or a {@code cel:} text CEL refuses.
 *
 * <p>The message keeps the original engine's shape, {@code <reason>\nCharacter <n>: <line>}, with
 * {@code n} the 1-based column in that line, so the engine can answer {@code Cannot prepare policy: }
 * followed by it as before.
 */
public final class ExpressionSyntaxException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    ExpressionSyntaxException(String reason, int column, String line) {
        super(reason + "\nCharacter " + column + ": " + line, null, false, false);
    }

    /** Builds the exception for a 0-based offset in the whole source, reporting the line it falls in. */
    static ExpressionSyntaxException at(String reason, String source, int offset) {
        int clamped = Math.min(Math.max(offset, 0), source.length());
        int lineStart = source.lastIndexOf('\n', clamped - 1) + 1;
        int lineEnd = source.indexOf('\n', clamped);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        return new ExpressionSyntaxException(reason, clamped - lineStart + 1, line);
    }
}
