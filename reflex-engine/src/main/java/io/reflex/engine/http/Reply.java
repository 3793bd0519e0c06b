package io.reflex.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a handler answers: a status, an optional JSON body and extra headers. */
public record Reply(int status, Optional<JsonNode> body, Map<String, String> headers) implements Response {

    public static Reply json(int status, JsonNode body) {
        return new Reply(status, Optional.of(body), Map.of());
    }

    /** The original answered an empty result with 204 and no body, never {@code 200 []}. */
    public static Reply noContent() {
        return new Reply(204, Optional.empty(), Map.of());
    }

    /** The reference's status envelope, e.g. {@code {"status": "created"}}. */
    public static Reply status(int code, String status) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", status);
        return json(code, body);
    }

    public static Reply failed(int code, Optional<String> message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", "failed");
        message.ifPresent(m -> body.put("message", m));
        return json(code, body);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, Map.copyOf(more));
    }
}
