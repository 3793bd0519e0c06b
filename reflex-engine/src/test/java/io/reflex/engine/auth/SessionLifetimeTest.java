package io.reflex.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.engine.Engine;
import io.reflex.engine.EngineSettings;
import io.reflex.engine.testing.WireClient;
import io.reflex.engine.testing.WireClient.Session;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sessions end when their lifetime is over, and optionally only work from the address that signed in. */
class SessionLifetimeTest {

    @Test
    @Timeout(30)
    void expiredSessionsAndForeignAddressesAreRefused(@TempDir Path dir) throws Exception {
        EngineSettings settings = EngineSettings.embedded(dir).listen("127.0.0.1", 0).sessions(2, true).build();
        try (Engine engine = Engine.start(settings)) {
            WireClient wire = new WireClient(engine.url());
            Session session = wire.signIn(engine.createdMasterKey().orElseThrow());
            assertThat(wire.call(session, "GET", "/policy/master", null).status()).isEqualTo(200);

            Map<String, String> elsewhere = new HashMap<>(WireClient.authHeaders(session));
            elsewhere.put("X-Forwarded-For", "203.0.113.9");
            assertThat(wire.send("GET", "/policy/master", elsewhere, null).status()).isEqualTo(401);

            Thread.sleep(2500);
            assertThat(wire.call(session, "GET", "/policy/master", null).status()).isEqualTo(401);
            assertThat(wire.signIn(engine.createdMasterKey().orElseThrow()).sid()).isNotEqualTo(session.sid());
        }
    }
}
