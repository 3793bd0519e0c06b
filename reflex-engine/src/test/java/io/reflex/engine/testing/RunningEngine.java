package io.reflex.engine.testing;

import io.reflex.engine.Engine;
import io.reflex.engine.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real engine on a free loopback port for one test class, with its master apikey and a wire client. Sign-in
 * without a key waits 200 ms here instead of the original's 5 s, and stale instances are swept every 200 ms instead
 * of 5 s, to keep tests fast.
 */
public final class RunningEngine implements AutoCloseable {

    private final Engine engine;
    private final TestDatabase.Instance database;
    private final WireClient wire;

    private RunningEngine(Engine engine, TestDatabase.Instance database) {
        this.engine = engine;
        this.database = database;
        this.wire = new WireClient(engine.url());
    }

    public static RunningEngine start(TestDatabase kind, Path dataDir) throws Exception {
        TestDatabase.Instance database = kind.create(dataDir);
        EngineSettings settings = EngineSettings.embedded(dataDir)
                .listen("127.0.0.1", 0)
                .database(database.url(), database.user(), java.util.Optional.empty())
                .missingKeyDelay(Duration.ofMillis(200))
                .changePoll(Duration.ofMillis(50))
                .staleSweep(Duration.ofMillis(200))
                .build();
        try {
            return new RunningEngine(Engine.start(settings), database);
        } catch (Exception e) {
            database.drop().run();
            throw e;
        }
    }

    public String url() {
        return engine.url();
    }

    public String masterKey() {
        return engine.createdMasterKey().orElseThrow();
    }

    public String jdbcUrl() {
        return database.url();
    }

    public String dbUser() {
        return database.user().orElse("");
    }

    public WireClient wire() {
        return wire;
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
        database.drop().run();
    }
}
