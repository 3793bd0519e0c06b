package io.reflex.engine.policy;

import io.reflex.engine.policy.expr.PolicyExpression;

/**
 * A policy ready to evaluate.
 *
 * @param sortKey the original's ordering key, {@code "<order>:<updated_at>"}, compared as a string (descending)
 * @param gate a {@code fail} policy: when its expression is false, evaluation stops with a denial
 */
record CompiledPolicy(long id, String name, PolicyExpression expression, boolean gate, String sortKey) {}
