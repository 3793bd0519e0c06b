package io.reflex.engine.policy.expr;

/**
 * The first Python error of the evaluation running on this thread.
 *
 * <p>A {@code py_*} function that hits an error records it here and returns a neutral value
 * instead of throwing; {@link PolicyExpression#test} then answers false whatever the rest of the
 * expression computed. Throwing through cel-java costs two stack traces (several microseconds),
 * and errors are routine: a scope that reads {@code obj['service']} fails on every object that has
 * none. Functions with side effects or real cost ({@code pwin}, {@code debug}) do nothing once an
 * error is recorded, so the evaluation still stops doing work at the first error, as Python does.
 */
final class EvalState {

    private static final ThreadLocal<EvalState> CURRENT = ThreadLocal.withInitial(EvalState::new);

    private String error;

    private EvalState() {}

    /** Starts an evaluation on this thread; cel-java evaluates on the caller's thread. */
    static EvalState begin() {
        EvalState state = CURRENT.get();
        state.error = null;
        return state;
    }

    static void fail(PyError e) {
        EvalState state = CURRENT.get();
        if (state.error == null) {
            state.error = e.getMessage();
        }
    }

    static boolean failed() {
        return CURRENT.get().error != null;
    }

    /** The first error's Python-style text, or {@code null}. */
    String error() {
        return error;
    }
}
