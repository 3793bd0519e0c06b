package io.reflex.engine.store;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Sign-in sessions, shared by every engine node through the database so a client may sign in on one node and call
 * another. The session secret is stored encrypted by the caller.
 */
public final class SessionStore {

    private final Jdbi jdbi;

    public SessionStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** @param encryptedSecret the session secret as the cipher stored it */
    public record Row(String sid, long tokenId, String tokenName, String encryptedSecret, long expiresMillis, String ip) {}

    public void insert(Row row) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO reflex_session (sid, token_id, token_name, secret, expires_ms, ip)"
                        + " VALUES (:sid, :tokenId, :tokenName, :secret, :expires, :ip)")
                .bind("sid", row.sid()).bind("tokenId", row.tokenId()).bind("tokenName", row.tokenName())
                .bind("secret", row.encryptedSecret()).bind("expires", row.expiresMillis()).bind("ip", row.ip())
                .execute());
    }

    public Optional<Row> find(String sid, long tokenId, long nowMillis) {
        return jdbi.withHandle(h -> h.createQuery("SELECT sid, token_id, token_name, secret, expires_ms, ip"
                        + " FROM reflex_session WHERE sid = :sid AND token_id = :tokenId AND expires_ms >= :now")
                .bind("sid", sid).bind("tokenId", tokenId).bind("now", nowMillis)
                .map((rs, ctx) -> new Row(rs.getString("sid"), rs.getLong("token_id"), rs.getString("token_name"),
                        rs.getString("secret"), rs.getLong("expires_ms"), rs.getString("ip")))
                .findFirst());
    }

    public int purgeExpired(long nowMillis) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM reflex_session WHERE expires_ms < :now")
                .bind("now", nowMillis).execute());
    }

    /** Ends every session of an apikey, e.g. when the apikey is deleted. */
    public void deleteFor(long tokenId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM reflex_session WHERE token_id = :tokenId")
                .bind("tokenId", tokenId).execute());
    }
}
