package io.reflex.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.engine.auth.Caller;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.model.Target;
import io.reflex.engine.crypto.SensitiveFields;
import io.reflex.engine.policy.expr.ExpressionContext;
import io.reflex.engine.policy.expr.ExpressionSyntaxException;
import io.reflex.engine.policy.expr.PolicyExpression;
import io.reflex.engine.store.ObjectStore;
import io.reflex.engine.store.StoredObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attribute-based access control as the original evaluated it: policy scopes map policies to types (global) or to
 * single objects (targeted), and a request is allowed when a mapped policy's expression holds for it.
 *
 * <p>Instead of the original's stored mapping table, every node derives the mappings from the policies, scopes and
 * groups it loads, and rebuilds them when the change log shows one of those changed (on any node) or when the
 * refresh interval passes. Mappings of one object are computed on first use and keyed by the object's version.
 */
public final class PolicyEngine {

    /** The pseudo-type that guards the audit log; only {@code admin} mappings reach it. */
    public static final String AUDIT_TABLE = "Audit";
    private static final Logger LOG = LoggerFactory.getLogger(PolicyEngine.class);
    private static final int MAX_CACHED_OBJECTS = 200_000;

    private final ObjectStore store;
    private final Clock clock;
    private final Duration refresh;
    private volatile Snapshot snapshot;

    public PolicyEngine(ObjectStore store, Clock clock, Duration refresh) {
        this.store = store;
        this.clock = clock;
        this.refresh = refresh;
    }

    /**
     * Loads and compiles every policy and scope now, so the first request after a start does not pay for the
     * expression engine's initialisation.
     */
    public void warmUp() {
        current().forType(ObjectKind.CONFIG.table());
    }

    /** Forgets everything derived from policies, scopes and groups; the next check reloads them. */
    public void invalidate() {
        snapshot = null;
    }

    /**
     * Decides one access.
     *
     * @param table the object's table name
     * @param target the object being read or changed, or empty for type-level operations (list, create, delete)
     * @param obj what expressions see as {@code obj}: the object, the submitted body, or null
     */
    public boolean allowed(Caller caller, Access access, boolean sensitive, String table, Optional<StoredObject> target,
            JsonNode obj) {
        Snapshot current = current();
        PolicySet policies = target.map(t -> current.forObject(table, t)).orElseGet(() -> current.forType(table));
        ExpressionContext context = context(current, caller, access, sensitive, table, obj);
        return decide(policies.forAction(access), context).orElseGet(() -> decide(policies.admin(), context).orElse(false));
    }

    /** Whether the caller holds an {@code admin} mapping on the type; guards the engine's own records. */
    public boolean isAdmin(Caller caller, String table) {
        Snapshot current = current();
        ExpressionContext context = context(current, caller, Access.READ, true, table, null);
        return decide(current.forType(table).admin(), context).orElse(false);
    }

    /** Group name to members, as policies see {@code groups}. */
    public Map<String, List<String>> groups() {
        return current().groups;
    }

    private static Optional<Boolean> decide(List<CompiledPolicy> policies, ExpressionContext context) {
        for (CompiledPolicy policy : policies) {
            if (policy.expression().test(context)) {
                return Optional.of(true);
            }
            if (policy.gate()) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    private ExpressionContext context(Snapshot current, Caller caller, Access access, boolean sensitive, String table,
            JsonNode obj) {
        return ExpressionContext.builder()
                .tokenNbr(caller.tokenId())
                .tokenName(caller.tokenName())
                .ip(caller.ip())
                .httpHeaders(caller.headers())
                .groups(current.groups)
                .action(access.attribute())
                .sensitive(sensitive)
                .objType(table)
                .obj(obj)
                .build();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt + refresh.toMillis() < clock.millis()) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (StoredObject group : store.list(ObjectKind.GROUP.table(), Optional.empty())) {
            List<String> members = new ArrayList<>();
            group.data().path("_grp").forEach(m -> members.add(m.asText()));
            groups.put(group.name(), List.copyOf(members));
        }
        Map<Long, CompiledPolicy> policies = new HashMap<>();
        for (StoredObject policy : store.list(ObjectKind.POLICY.table(), Optional.empty())) {
            compilePolicy(policy).ifPresent(p -> policies.put(p.id(), p));
        }
        List<CompiledScope> scopes = new ArrayList<>();
        for (StoredObject scope : store.list(ObjectKind.POLICYSCOPE.table(), Optional.empty())) {
            compileScope(scope).filter(s -> policies.containsKey(s.policyId())).ifPresent(scopes::add);
        }
        return new Snapshot(clock.millis(), Map.copyOf(groups), policies, scopes);
    }

    private static Optional<CompiledPolicy> compilePolicy(StoredObject policy) {
        try {
            PolicyExpression expression = PolicyExpression.compile(policy.data().path("policy").asText());
            boolean gate = "fail".equals(policy.data().path("result").asText("pass"));
            String sortKey = policy.data().path("order").asLong(1000) + ":" + policy.updatedAt();
            return Optional.of(new CompiledPolicy(policy.id(), policy.name(), expression, gate, sortKey));
        } catch (ExpressionSyntaxException e) {
            LOG.warn("policy {} does not compile and never matches: {}", policy.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<CompiledScope> compileScope(StoredObject scope) {
        try {
            PolicyExpression matches = PolicyExpression.compile(scope.data().path("matches").asText());
            Set<String> actions = Set.of(scope.data().path("actions").asText("").split(","));
            Set<String> tables = new java.util.HashSet<>();
            scope.data().path("objects").forEach(o -> tables.add(o.asText()));
            long policyId = Target.referencedId(scope.data().path("policy").asText(""));
            boolean global = "global".equals(scope.data().path("type").asText("").toLowerCase(Locale.ROOT));
            return Optional.of(new CompiledScope(scope.id(), policyId, matches, actions, global, Set.copyOf(tables)));
        } catch (ExpressionSyntaxException e) {
            LOG.warn("policy scope {} does not compile and never maps: {}", scope.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Everything derived from one load of policies, scopes and groups. */
    private static final class Snapshot {
        final long loadedAt;
        final Map<String, List<String>> groups;
        final Map<Long, CompiledPolicy> policies;
        final List<CompiledScope> scopes;
        final Map<String, PolicySet> byType = new ConcurrentHashMap<>();
        final Map<String, PolicySet> byObject = new ConcurrentHashMap<>();

        Snapshot(long loadedAt, Map<String, List<String>> groups, Map<Long, CompiledPolicy> policies, List<CompiledScope> scopes) {
            this.loadedAt = loadedAt;
            this.groups = groups;
            this.policies = policies;
            this.scopes = scopes;
        }

        PolicySet forType(String table) {
            return byType.computeIfAbsent(table, t -> map(t, true, objectOnlyNamed("n/a")));
        }

        PolicySet forObject(String table, StoredObject object) {
            String key = table + ':' + object.id() + ':' + object.version();
            PolicySet cached = byObject.get(key);
            if (cached != null) {
                return cached;
            }
            if (byObject.size() > MAX_CACHED_OBJECTS) {
                byObject.clear();
            }
            PolicySet set = forType(table).plus(map(table, false, SensitiveFields.withoutSecrets(object)));
            byObject.put(key, set);
            return set;
        }

        private PolicySet map(String table, boolean global, JsonNode obj) {
            ExpressionContext context = ExpressionContext.builder()
                    .tokenNbr(0).tokenName("").ip("").httpHeaders(Map.of())
                    .groups(groups).action("").sensitive(false).objType(table).obj(obj)
                    .build();
            Map<String, List<CompiledPolicy>> byAction = scopes.stream()
                    .filter(s -> s.global() == global && s.appliesTo(table) && s.matches().test(context))
                    .flatMap(s -> s.actions().stream().map(a -> Map.entry(a, policies.get(s.policyId()))))
                    .collect(Collectors.groupingBy(Map.Entry::getKey,
                            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            return byAction.isEmpty() ? PolicySet.EMPTY : PolicySet.of(byAction);
        }

        private static ObjectNode objectOnlyNamed(String name) {
            return JsonNodeFactory.instance.objectNode().put("name", name);
        }
    }
}
