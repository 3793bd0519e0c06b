package io.reflex.engine.policy.expr;

/**
 * A dict or list handed to cel-java wrapped, so cel-java treats it as an opaque value.
 *
 * <p>cel-java's runtime walks every map and list it reads from a variable or gets back from a
 * function, recursively, to adapt the elements. For {@code groups} (every group with every member)
 * that walk costs more than the rest of the evaluation together, and it would run for each access.
 * The translated expressions only hand these values to {@code py_*} functions, which unwrap them.
 */
record Opaque(Object value) {

    static Object unwrap(Object v) {
        return v instanceof Opaque o ? o.value : v;
    }

    /** Wraps dicts and lists; scalars are left to cel-java, which passes them through untouched. */
    static Object hide(Object v) {
        return v instanceof java.util.Map<?, ?> || v instanceof java.util.List<?> ? new Opaque(v) : v;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
