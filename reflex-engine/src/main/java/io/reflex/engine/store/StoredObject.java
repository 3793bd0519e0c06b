package io.reflex.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One version of an object as the database holds it: the system columns plus the user's fields in {@code data}
 * (sensitive values still encrypted). {@code version} counts writes and backs optimistic concurrency checks.
 */
public record StoredObject(
        String type, long id, String name, ObjectNode data, long updatedAt, String updatedBy, long version) {}
