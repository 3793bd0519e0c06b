package io.reflex.engine.auth;

import java.util.Map;

/**
 * The authenticated client of one request, with the attributes policies may look at.
 *
 * @param tokenId the apikey id the session was opened with
 * @param headers request headers, title-cased as the original exposed them to policies
 */
public record Caller(long tokenId, String tokenName, String ip, Map<String, String> headers) {

    /** The audit and {@code updated_by} form of the caller: its apikey id in decimal, as the original recorded. */
    public String actor() {
        return Long.toString(tokenId);
    }
}
