package io.reflex.gui.connection;

import io.reflex.engine.Engine;
import io.reflex.engine.EngineSettings;
import io.reflex.launcher.nativeos.ThreadPriority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An engine inside the console's own process, with its database in a per-user directory. It is the default so a
 * first run needs no server, no URL and no apikey: the master key the engine writes on creation is used.
 */
public final class LocalEngineTarget implements ConnectionTarget {
    /**
     * The nice value of the engine's threads (the window's threads keep 0): when a thousand heartbeats a second
     * arrive, its request, audit and housekeeping threads then leave the cores to the FX thread instead of stalling
     * the window (bench/console). Booting stays at full priority, since the window waits for it; threads the engine
     * starts later inherit the value from the thread that starts them.
     */
    private static final int ENGINE_NICENESS = 10;
    private final Path dataDir;
    private Engine engine;
    private boolean newEngineReported;
    private String apikey;

    public LocalEngineTarget(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** {@code $XDG_DATA_HOME/reflex/console-engine}, else {@code $HOME/.local/share/reflex/console-engine}. */
    public static Path defaultDataDir(Map<String, String> environment) {
        String xdg = environment.getOrDefault("XDG_DATA_HOME", "");
        Path base = xdg.isBlank()
                ? Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".local", "share")
                : Path.of(xdg);
        return base.resolve("reflex").resolve("console-engine");
    }

    @Override
    public String label() {
        return "Local engine";
    }

    /**
     * Starts the engine on a background thread, so it boots while the window is being built; {@link #open()} then
     * finds it running. A failure here is not lost: {@code open()} starts it again and reports why it cannot.
     */
    public void startInBackground() {
        Thread.ofVirtual().name("reflex-local-engine-start").start(() -> {
            try {
                start();
            } catch (Exception e) {
                System.getLogger(LocalEngineTarget.class.getName())
                        .log(System.Logger.Level.DEBUG, "early start of the local engine failed; open() retries", e);
            }
        });
    }

    private synchronized Engine start() throws Exception {
        if (engine == null) {
            engine = Engine.start(EngineSettings.embedded(dataDir).listen("127.0.0.1", 0).build());
            ThreadPriority.lowerThreadsNamed(Engine.THREAD_NAME_PREFIX, ENGINE_NICENESS);
        }
        return engine;
    }

    /** Reports a newly created engine only once, however often it is opened, so demo data is written once. */
    @Override
    public synchronized Opened open() throws Exception {
        Engine running = start();
        apikey = running.createdMasterKey().orElseGet(this::storedMasterKey);
        boolean fresh = running.createdMasterKey().isPresent() && !newEngineReported;
        newEngineReported = true;
        return new Opened(Clients.create(running.url(), apikey), fresh);
    }

    private String storedMasterKey() {
        Path file = dataDir.resolve(Engine.MASTER_KEY_FILE);
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("The local engine's master key is missing from " + file, e);
        }
    }

    @Override
    public synchronized Optional<String> apikey() {
        return Optional.ofNullable(apikey);
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
            newEngineReported = false;
        }
    }
}
