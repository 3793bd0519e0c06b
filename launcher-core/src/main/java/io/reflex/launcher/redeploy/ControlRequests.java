package io.reflex.launcher.redeploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/** The JSON both control channels (socket and HTTP) and the engine's {@code redeploy} field share. */
final class ControlRequests {

    private ControlRequests() {
    }

    /** {@code build} and {@code config} of a request's {@code target} (or of the request itself). */
    static RedeployTarget target(JsonNode target) {
        return new RedeployTarget(text(target, "build"), text(target, "config"));
    }

    static ObjectNode answer(RedeployOutcome outcome) {
        return JsonNodeFactory.instance.objectNode().put("id", outcome.id())
                .put("state", outcome.done() ? "done" : "failed").put("color", outcome.color())
                .put("message", outcome.message());
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
