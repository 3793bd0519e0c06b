package io.reflex.engine.policy.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * JSON as the values expressions work on: dicts, lists, str, int (Long), float (Double), bool, None.
 *
 * <p>Objects and arrays are read-only views that convert an element when it is read, not copies:
 * a policy reads one or two keys of {@code obj}, and converting a whole config object for each
 * check would cost more than evaluating the policy.
 */
final class JsonValues {

    private JsonValues() {}

    static Object toCel(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return PyOps.NONE;
        }
        if (node.isObject()) {
            return new ObjectView(node);
        }
        if (node.isArray()) {
            return new ArrayView(node);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /** A JSON object as a dict; keys keep their JSON order, as Python's dict does. */
    private static final class ObjectView extends AbstractMap<String, Object> {
        private final JsonNode node;

        ObjectView(JsonNode node) {
            this.node = node;
        }

        @Override
        public Object get(Object key) {
            JsonNode child = key instanceof String name ? node.get(name) : null;
            return child == null ? null : toCel(child);
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && node.has(name);
        }

        @Override
        public int size() {
            return node.size();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    Iterator<Entry<String, JsonNode>> fields = node.properties().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return fields.hasNext();
                        }

                        @Override
                        public Entry<String, Object> next() {
                            Entry<String, JsonNode> field = fields.next();
                            return new SimpleImmutableEntry<>(field.getKey(), toCel(field.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return node.size();
                }
            };
        }
    }

    private static final class ArrayView extends AbstractList<Object> implements RandomAccess {
        private final JsonNode node;

        ArrayView(JsonNode node) {
            this.node = node;
        }

        @Override
        public Object get(int index) {
            if (index < 0 || index >= node.size()) {
                throw new IndexOutOfBoundsException(index);
            }
            return toCel(node.get(index));
        }

        @Override
        public int size() {
            return node.size();
        }
    }
}
