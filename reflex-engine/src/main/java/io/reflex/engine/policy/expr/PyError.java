package io.reflex.engine.policy.expr;

import dev.cel.common.CelErrorCode;
import dev.cel.common.exceptions.CelRuntimeException;
import java.io.Serial;

/**
 * A Python exception raised while evaluating (KeyError, TypeError, ...); it makes the expression
 * false. It is a {@link CelRuntimeException} so cel-java passes it through as is instead of wrapping
 * it in a message that prints every argument (a whole {@code obj}), and it has no stack trace: it is
 * an expected outcome, and a failing scope runs once per object on every re-map.
 */
final class PyError extends CelRuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String message;

    PyError(String message) {
        super((Throwable) null, CelErrorCode.INVALID_ARGUMENT);
        this.message = message;
    }

    static PyError keyError(Object key) {
        return new PyError("KeyError: " + PyOps.repr(key));
    }

    static PyError typeError(String message) {
        return new PyError("TypeError: " + message);
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
