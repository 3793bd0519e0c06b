package io.reflex.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an engine node needs to start, after defaults, {@code REFLEX_ENGINE_CONFIG}, a config file and
 * command-line flags were applied (see {@link SettingsLoader}).
 *
 * @param cryptoKeys named 32-byte data keys; empty means "use (or create) the key file in the data directory"
 * @param missingKeyDelay how long a sign-in without any {@code X-ApiKey} header waits before its 401 (the original: 5 s)
 * @param heartbeat how often the health monitor must tick for {@code /health} to answer 204
 * @param changePoll how often this node reads the shared change log (watch feed, cache invalidation)
 * @param staleSweep how often this node marks instances whose heartbeat is older than their ttl as stale
 */
public record EngineSettings(
        String host,
        int port,
        String routeBase,
        Path dataDir,
        String jdbcUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Map<String, byte[]> cryptoKeys,
        Optional<String> defaultKey,
        long sessionSeconds,
        boolean bindSessionsToIp,
        boolean trustForwardedFor,
        long maxBodyBytes,
        Duration missingKeyDelay,
        Duration heartbeat,
        Duration policyRefresh,
        Duration changePoll,
        Duration staleSweep,
        long deployVersion) {

    /** An engine on loopback with an embedded SQLite database in {@code dataDir}: what tests and the console start. */
    public static Builder embedded(Path dataDir) {
        return new Builder(dataDir);
    }

    public Builder toBuilder() {
        Builder b = new Builder(dataDir);
        b.host = host;
        b.port = port;
        b.routeBase = routeBase;
        b.jdbcUrl = jdbcUrl;
        b.dbUser = dbUser;
        b.dbPassword = dbPassword;
        b.cryptoKeys = new LinkedHashMap<>(cryptoKeys);
        b.defaultKey = defaultKey;
        b.sessionSeconds = sessionSeconds;
        b.bindSessionsToIp = bindSessionsToIp;
        b.trustForwardedFor = trustForwardedFor;
        b.maxBodyBytes = maxBodyBytes;
        b.missingKeyDelay = missingKeyDelay;
        b.heartbeat = heartbeat;
        b.policyRefresh = policyRefresh;
        b.changePoll = changePoll;
        b.staleSweep = staleSweep;
        b.deployVersion = deployVersion;
        return b;
    }

    /** Starts from the defaults of the original engine, on loopback. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 54000;
        private String routeBase = "/api/v1";
        private Path dataDir;
        private String jdbcUrl;
        private Optional<String> dbUser = Optional.empty();
        private Optional<String> dbPassword = Optional.empty();
        private Map<String, byte[]> cryptoKeys = new LinkedHashMap<>();
        private Optional<String> defaultKey = Optional.empty();
        private long sessionSeconds = 300;
        private boolean bindSessionsToIp;
        private boolean trustForwardedFor = true;
        private long maxBodyBytes = 4L << 20;
        private Duration missingKeyDelay = Duration.ofSeconds(5);
        private Duration heartbeat = Duration.ofSeconds(10);
        private Duration policyRefresh = Duration.ofSeconds(300);
        private Duration changePoll = Duration.ofMillis(100);
        private Duration staleSweep = Duration.ofSeconds(5);
        private long deployVersion;

        private Builder(Path dataDir) {
            dataDir(dataDir);
        }

        /** Also points the database at the SQLite file in the new directory, unless another URL is set later. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            this.jdbcUrl = "jdbc:sqlite:" + dir.resolve("reflex-engine.db").toAbsolutePath();
            return this;
        }

        public Builder listen(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        public Builder routeBase(String routeBase) {
            this.routeBase = routeBase;
            return this;
        }

        public Builder database(String url, Optional<String> user, Optional<String> password) {
            this.jdbcUrl = url;
            this.dbUser = user;
            this.dbPassword = password;
            return this;
        }

        public Builder cryptoKey(String name, byte[] key, boolean isDefault) {
            cryptoKeys.put(name, key.clone());
            if (isDefault) {
                defaultKey = Optional.of(name);
            }
            return this;
        }

        public Builder sessions(long seconds, boolean bindToIp) {
            this.sessionSeconds = seconds;
            this.bindSessionsToIp = bindToIp;
            return this;
        }

        public Builder trustForwardedFor(boolean trust) {
            this.trustForwardedFor = trust;
            return this;
        }

        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        public Builder missingKeyDelay(Duration delay) {
            this.missingKeyDelay = delay;
            return this;
        }

        public Builder heartbeat(Duration interval) {
            this.heartbeat = interval;
            return this;
        }

        public Builder policyRefresh(Duration interval) {
            this.policyRefresh = interval;
            return this;
        }

        public Builder changePoll(Duration interval) {
            this.changePoll = interval;
            return this;
        }

        public Builder staleSweep(Duration interval) {
            this.staleSweep = interval;
            return this;
        }

        public Builder deployVersion(long version) {
            this.deployVersion = version;
            return this;
        }

        public EngineSettings build() {
            return new EngineSettings(host, port, routeBase, dataDir, jdbcUrl, dbUser, dbPassword, Map.copyOf(cryptoKeys),
                    defaultKey, sessionSeconds, bindSessionsToIp, trustForwardedFor, maxBodyBytes, missingKeyDelay,
                    heartbeat, policyRefresh, changePoll, staleSweep, deployVersion);
        }
    }
}
