package io.reflex.engine.policy.expr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code groups} attribute, built once per version of the groups rather than once per check.
 * Building it (copying every member list and adding the underscore aliases) costs more than most
 * policies take to evaluate.
 */
final class GroupsView {

    private record Last(Map<String, List<String>> source, Opaque view) {}

    private static volatile Last last;

    private GroupsView() {}

    static Opaque of(Map<String, List<String>> groups) {
        Map<String, List<String>> frozen = Map.copyOf(groups);
        Last cached = last;
        if (cached != null && cached.source() == frozen) {
            return cached.view();
        }
        boolean deeplyImmutable = frozen == groups;
        Map<String, Object> members = new HashMap<>();
        for (Map.Entry<String, List<String>> group : frozen.entrySet()) {
            List<String> list = List.copyOf(group.getValue());
            deeplyImmutable &= list == group.getValue();
            members.put(group.getKey(), list);
        }
        Opaque view = new Opaque(ExpressionContext.withUnderscoreAliases(members));
        if (deeplyImmutable) {
            // only a map nobody can change may stand for its view next time
            last = new Last(frozen, view);
        }
        return view;
    }
}
