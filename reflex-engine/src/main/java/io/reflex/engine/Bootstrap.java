package io.reflex.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.crypto.SensitiveFields;
import io.reflex.engine.store.ObjectStore;
import io.reflex.engine.store.StoredObject;
import io.reflex.engine.store.WriteTransaction.Change;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * First start on an empty database: the master apikey (id 100), its policy (id 100) and the global admin scope,
 * as the original created them. Runs under the write lock, so nodes starting together create them once.
 */
final class Bootstrap {

    private Bootstrap() {}

    /** @return {@code master.<secret>} when the master apikey was created just now */
    static Optional<String> ensureMaster(ObjectStore store, SensitiveFields sensitive, long now) {
        return store.write(tx -> {
            if (!tx.neverCreated(ObjectKind.APIKEY.table())) {
                return Optional.<String>empty();
            }
            JsonNodeFactory json = JsonNodeFactory.instance;
            byte[] secretBytes = new byte[66];
            new SecureRandom().nextBytes(secretBytes);
            String secret = Base64.getEncoder().encodeToString(secretBytes);
            Change change = new Change("create", "", now, false);

            ObjectNode apikey = json.objectNode().put("uuid", UUID.randomUUID().toString());
            apikey.putArray("secrets").add(secret);
            tx.insert(ObjectKind.APIKEY.table(), "master", sensitive.encrypted(ObjectKind.APIKEY, apikey), change);

            ObjectNode policy = json.objectNode().put("policy", "token_name==\"master\"").put("result", "pass")
                    .put("order", 1000);
            StoredObject master = tx.insert(ObjectKind.POLICY.table(), "master", policy, change);

            ObjectNode scope = json.objectNode().put("policy", "master." + master.id()).put("matches", "True")
                    .put("actions", "admin").put("type", "global");
            scope.putArray("objects").add("*");
            tx.insert(ObjectKind.POLICYSCOPE.table(), "master", scope, change);
            return Optional.of("master." + secret);
        });
    }
}
