package io.reflex.engine.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The policies mapped to one object (or type), split by mapped action and in evaluation order. */
record PolicySet(List<CompiledPolicy> read, List<CompiledPolicy> write, List<CompiledPolicy> admin) {

    static final PolicySet EMPTY = new PolicySet(List.of(), List.of(), List.of());

    /** The original sorted by the string {@code "<order>:<updated_at>"} in descending order; kept as is. */
    private static final Comparator<CompiledPolicy> ORDER = Comparator.comparing(CompiledPolicy::sortKey).reversed()
            .thenComparingLong(CompiledPolicy::id);

    static PolicySet of(Map<String, ? extends Collection<CompiledPolicy>> byAction) {
        return new PolicySet(sorted(byAction.get("read")), sorted(byAction.get("write")), sorted(byAction.get("admin")));
    }

    PolicySet plus(PolicySet other) {
        return new PolicySet(merge(read, other.read), merge(write, other.write), merge(admin, other.admin));
    }

    List<CompiledPolicy> forAction(Access access) {
        return access == Access.READ ? read : write;
    }

    private static List<CompiledPolicy> sorted(Collection<CompiledPolicy> policies) {
        return policies == null ? List.of() : policies.stream().distinct().sorted(ORDER).toList();
    }

    private static List<CompiledPolicy> merge(List<CompiledPolicy> a, List<CompiledPolicy> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<CompiledPolicy> all = new ArrayList<>(a);
        all.addAll(b);
        return sorted(all);
    }
}
