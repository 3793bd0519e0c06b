package io.reflex.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One API call as the features see it, free of the HTTP server's types.
 *
 * @param path the path segments after the route base ({@code ["config", "bct-tst"]})
 * @param headers request headers; keys compare case-insensitively
 * @param body the parsed JSON body, if the method carries one
 * @param peer the socket peer address; {@link #ip()} applies the forwarding rules
 */
public record ApiRequest(
        String method,
        List<String> path,
        Map<String, String> query,
        TreeMap<String, String> headers,
        Map<String, String> cookies,
        Optional<JsonNode> body,
        String peer,
        boolean trustForwardedFor) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** The caller's address as policies see it: the raw X-Forwarded-For when trusted (as the original did). */
    public String ip() {
        if (trustForwardedFor) {
            String forwarded = headers.get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.trim();
            }
        }
        return peer;
    }

    public Optional<String> segment(int index) {
        return index < path.size() ? Optional.of(path.get(index)) : Optional.empty();
    }

    /** The JSON body; its absence on a method that needs one is the client's error. */
    public JsonNode requireBody() {
        return body.orElseThrow(() -> ApiException.badRequest("Invalid JSON document"));
    }
}
