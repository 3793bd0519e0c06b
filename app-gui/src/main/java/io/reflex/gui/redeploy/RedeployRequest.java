package io.reflex.gui.redeploy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code redeploy} field the console merges into a service (docs/redeploy.md, Redeploy triggers): a new id
 * makes every launcher of the service act once.
 *
 * @param build    {@code target.build}, the version the new colors report; empty keeps theirs
 * @param batch    how many instances redeploy at once
 * @param minReady how many other instances must stay ready meanwhile
 */
public record RedeployRequest(String id, Instant requested, Optional<String> build, int batch, int minReady) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public RedeployRequest {
        if (batch < 1 || minReady < 0) {
            throw new IllegalArgumentException("batch must be at least 1 and min-ready at least 0");
        }
    }

    /** A request with a fresh id, {@code rd-<time>-<4 hex>}, unique even for two clicks in one second. */
    public static RedeployRequest create(Instant now, Optional<String> build, int batch, int minReady) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return new RedeployRequest("rd-" + second + "-" + HexFormat.of().formatHex(suffix), second,
                build.map(String::strip).filter(b -> !b.isEmpty()), batch, minReady);
    }

    /**
     * The body of the merge: {@code {"redeploy": {...}}}. The engine merges nested objects key by key, so a
     * request without a build writes {@code "target": null} rather than leaving an earlier request's target behind.
     */
    public ObjectNode mergeBody() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode redeploy = body.putObject("redeploy");
        redeploy.put("id", id);
        redeploy.put("requested", requested.toString());
        redeploy.put("by", "console");
        if (build.isPresent()) {
            redeploy.putObject("target").put("build", build.get());
        } else {
            redeploy.putNull("target");
        }
        redeploy.put("batch", batch);
        redeploy.put("min-ready", minReady);
        return body;
    }
}
