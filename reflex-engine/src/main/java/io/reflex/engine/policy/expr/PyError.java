package io.reflex.engine.policy.expr;

import java.io.Serial;

/**
 * A Python exception raised while evaluating (KeyError, TypeError, ...). The function bindings catch
 * it and record it in {@link EvalState}; it never leaves them. It carries no stack trace because it
 * is an expected outcome, not a bug.
 */
final class PyError extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    PyError(String message) {
        super(message, null, false, false);
    }

    static PyError keyError(Object key) {
        return new PyError("KeyError: " + PyOps.repr(key));
    }

    static PyError typeError(String message) {
        return new PyError("TypeError: " + message);
    }
}
