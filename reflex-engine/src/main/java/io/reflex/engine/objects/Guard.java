package io.reflex.engine.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.reflex.engine.auth.Caller;
import io.reflex.engine.http.ApiException;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.policy.Access;
import io.reflex.engine.policy.PolicyEngine;
import io.reflex.engine.store.StoredObject;
import java.util.Optional;

/** The access checks of each object operation (reference 4.6), in one place so reads and writes agree. */
final class Guard {

    private final PolicyEngine policies;

    Guard(PolicyEngine policies) {
        this.policies = policies;
    }

    /** Type-level check used by list, create and delete: only global mappings count. */
    void requireTypeLevel(Caller caller, Access access, ObjectKind kind, JsonNode obj) {
        if (!policies.allowed(caller, access, false, kind.table(), Optional.empty(), obj)) {
            throw ApiException.forbidden();
        }
    }

    /** Writing secrets into a new object: the type-level write check with {@code sensitive} set. */
    boolean allowedTypeLevelSensitive(Caller caller, ObjectKind kind, JsonNode obj) {
        return policies.allowed(caller, Access.WRITE, true, kind.table(), Optional.empty(), obj);
    }

    void require(Caller caller, Access access, boolean sensitive, ObjectKind kind, StoredObject target, JsonNode obj) {
        if (!allowed(caller, access, sensitive, kind, target, obj)) {
            throw ApiException.forbidden();
        }
    }

    boolean allowed(Caller caller, Access access, boolean sensitive, ObjectKind kind, StoredObject target, JsonNode obj) {
        return policies.allowed(caller, access, sensitive, kind.table(), Optional.of(target), obj);
    }

    /**
     * Whether the caller may see the object's secrets in clear: config secrets need a sensitive read, apikey secrets
     * a sensitive write (as in the original). Expressions see only the object's id here.
     */
    boolean mayReveal(Caller caller, ObjectKind kind, StoredObject target) {
        Access access = kind == ObjectKind.APIKEY ? Access.WRITE : Access.READ;
        JsonNode idOnly = JsonNodeFactory.instance.objectNode().put("id", target.id());
        return policies.allowed(caller, access, true, kind.table(), Optional.of(target), idOnly);
    }

    static JsonNode none() {
        return NullNode.getInstance();
    }
}
