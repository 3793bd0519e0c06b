package io.reflex.engine.api;

import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;
import io.reflex.engine.testing.WireClient;
import io.reflex.engine.testing.WireClient.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the black-box API suites: one real engine per test class on the database the subclass names, driven
 * over HTTP with the original clients' wire format. The contracts (interfaces with the tests) run unchanged on
 * SQLite, PostgreSQL and MariaDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
abstract class ApiContractTest implements EngineFixture {

    private RunningEngine engine;
    private Session master;

    abstract TestDatabase database();

    @BeforeAll
    void startEngine(@TempDir Path dataDir) throws Exception {
        engine = RunningEngine.start(database(), dataDir);
        master = engine.wire().signIn(engine.masterKey());
    }

    @AfterAll
    void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Override
    public RunningEngine engine() {
        return engine;
    }

    @Override
    public WireClient wire() {
        return engine.wire();
    }

    @Override
    public Session master() {
        return master;
    }
}
