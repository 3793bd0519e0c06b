package io.reflex.engine.policy;

import io.reflex.engine.policy.expr.PolicyExpression;
import java.util.Set;

/**
 * A policy scope ready to map.
 *
 * @param actions some of {@code read}, {@code write}, {@code admin}
 * @param tables the table names it applies to; {@code *} for all
 */
record CompiledScope(long id, long policyId, PolicyExpression matches, Set<String> actions, boolean global, Set<String> tables) {

    boolean appliesTo(String table) {
        return tables.isEmpty() || tables.contains("*") || tables.contains(table);
    }
}
