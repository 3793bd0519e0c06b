package io.reflex.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;

/**
 * When a stored object next needs the engine's attention (epoch milliseconds), worked out from its data at every
 * write and kept in an indexed column, so a periodic job reads only the objects that are due instead of parsing
 * every object of a type: the stale-instance sweep read and parsed all instances every 5 s, 50,000 of them in the
 * console's benchmark.
 */
@FunctionalInterface
public interface DueTime {

    OptionalLong of(String type, ObjectNode data);
}
