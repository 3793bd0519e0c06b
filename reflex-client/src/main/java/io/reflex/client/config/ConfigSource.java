package io.reflex.client.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where the flattener gets config objects: {@code GET config/<ref>} in the real client.
 *
 * <p>The flattener never mutates the returned node, so implementations may hand out shared instances.
 */
@FunctionalInterface
public interface ConfigSource {

    /**
     * @param ref a config reference, {@code name} or {@code name.id}
     * @return the config object as the engine returns it
     * @throws ConfigNotFoundException if there is no such config
     */
    ObjectNode fetch(String ref);
}
