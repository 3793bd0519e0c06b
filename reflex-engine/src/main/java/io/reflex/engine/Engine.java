package io.reflex.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.reflex.engine.auth.Sessions;
import io.reflex.engine.auth.SignIn;
import io.reflex.engine.crypto.KeyFile;
import io.reflex.engine.crypto.KeyRing;
import io.reflex.engine.crypto.PrivateFiles;
import io.reflex.engine.crypto.SecretCipher;
import io.reflex.engine.http.HttpServer;
import io.reflex.engine.http.WireJson;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.objects.ObjectReads;
import io.reflex.engine.objects.ObjectWrites;
import io.reflex.engine.objects.StaleInstanceSweeper;
import io.reflex.engine.crypto.SensitiveFields;
import io.reflex.engine.policy.PolicyEngine;
import io.reflex.engine.store.AuditLog;
import io.reflex.engine.store.ChangeLog;
import io.reflex.engine.store.Database;
import io.reflex.engine.store.ObjectStore;
import io.reflex.engine.store.SessionStore;
import io.reflex.engine.threads.EngineThreads;
import io.reflex.engine.watch.ChangeTail;
import io.reflex.engine.watch.WatchFeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running engine node: database, policies, sessions, change tail and HTTP server, wired together. Start it with
 * {@link #start(EngineSettings)}; {@link #close()} stops accepting requests, lets in-flight ones finish, and closes.
 */
public final class Engine implements AutoCloseable {

    /** Where the bootstrap master apikey is written ({@code master.<secret>}, mode 0600). */
    public static final String MASTER_KEY_FILE = "master.key";
    /** How every thread the engine starts is named (see {@link EngineThreads}). */
    public static final String THREAD_NAME_PREFIX = EngineThreads.PREFIX;
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final Set<String> POLICY_INPUTS =
            Set.of(ObjectKind.POLICY.table(), ObjectKind.POLICYSCOPE.table(), ObjectKind.GROUP.table());

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final EngineSettings settings;
    private HttpServer http;
    private Optional<String> createdMasterKey = Optional.empty();

    private Engine(EngineSettings settings) {
        this.settings = settings;
    }

    public static Engine start(EngineSettings settings) throws Exception {
        Engine engine = new Engine(settings);
        try {
            engine.run();
            return engine;
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
    }

    private void run() throws Exception {
        if (!Files.isDirectory(settings.dataDir())) {
            Files.createDirectories(settings.dataDir(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = WireJson.pooledMapper().build();
        KeyRing keys = keys();
        keys.names().forEach(name -> LOG.info("crypto initializing key={}", name));
        SecretCipher cipher = new SecretCipher(keys);

        Database database = Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword());
        resources.push(database);
        ObjectStore store = new ObjectStore(database, mapper, StaleInstanceSweeper::dueTime);
        ChangeLog changes = new ChangeLog(database);
        AuditLog audit = new AuditLog(database);
        resources.push(audit);
        SensitiveFields sensitive = new SensitiveFields(cipher, mapper);

        createdMasterKey = Bootstrap.ensureMaster(store, sensitive, clock.millis() / 1000);
        if (createdMasterKey.isPresent()) {
            PrivateFiles.write(settings.dataDir().resolve(MASTER_KEY_FILE),
                    (createdMasterKey.get() + "\n").getBytes(StandardCharsets.UTF_8));
        }

        PolicyEngine policies = new PolicyEngine(store, clock, settings.policyRefresh());
        policies.warmUp();
        Sessions sessions = new Sessions(new SessionStore(database), cipher, clock, settings.sessionSeconds(),
                settings.bindSessionsToIp());
        SignIn signIn = new SignIn(store, sensitive, sessions, clock, settings.missingKeyDelay(), settings.routeBase());

        ChangeTail tail = new ChangeTail(changes, settings.changePoll());
        tail.subscribe(change -> {
            if (POLICY_INPUTS.contains(change.type())) {
                policies.invalidate();
            }
            if (change.type().equals(ObjectKind.APIKEY.table()) && change.action().equals("delete")) {
                sessions.endSessionsOf(change.id());
            }
        });
        resources.push(tail);
        tail.start();

        HealthMonitor health = new HealthMonitor(database, clock, settings.heartbeat(), settings.deployVersion());
        resources.push(health);
        health.start();

        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                EngineThreads.daemon("housekeeping").factory());
        resources.push(housekeeping::shutdownNow);
        housekeeping.scheduleAtFixedRate(() -> purge(sessions), settings.sessionSeconds(), settings.sessionSeconds(),
                TimeUnit.SECONDS);
        StaleInstanceSweeper sweeper = new StaleInstanceSweeper(store, clock);
        long sweep = settings.staleSweep().toMillis();
        housekeeping.scheduleWithFixedDelay(sweeper::sweep, sweep, sweep, TimeUnit.MILLISECONDS);

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        resources.push(metrics::close);

        ObjectReads reads = new ObjectReads(store, sensitive, policies, audit, clock);
        WatchFeed watch = new WatchFeed(changes, tail, store, policies, reads, Duration.ofSeconds(15));
        EngineRoutes routes = new EngineRoutes(settings.routeBase(), health, signIn, sessions, reads,
                new ObjectWrites(store, sensitive, policies, clock),
                watch, policies, audit, metrics, clock);
        http = new HttpServer(settings.host(), settings.port(), settings.maxBodyBytes(), settings.trustForwardedFor(),
                routes, metrics);
        resources.push(http);
        resources.push(watch);
        http.start();
        LOG.info("Base path={}", settings.routeBase());
        LOG.info("Reflex Engine listening on {}", url());
    }

    private KeyRing keys() throws IOException {
        if (settings.cryptoKeys().isEmpty()) {
            return KeyFile.loadOrCreate(settings.dataDir());
        }
        String defaultName = settings.defaultKey()
                .orElseThrow(() -> new IllegalArgumentException("No default crypto key defined"));
        LOG.info("crypto default key={}", defaultName);
        return KeyRing.of(settings.cryptoKeys(), defaultName);
    }

    private static void purge(Sessions sessions) {
        try {
            sessions.purgeExpired();
        } catch (RuntimeException e) {
            LOG.warn("cannot purge expired sessions: {}", e.getMessage());
        }
    }

    public int port() {
        return http.port();
    }

    /** The {@code REFLEX_URL} of this engine, e.g. {@code http://127.0.0.1:54000/api/v1}. */
    public String url() {
        return "http://" + (settings.host().equals("0.0.0.0") ? "127.0.0.1" : settings.host()) + ":" + port()
                + settings.routeBase();
    }

    /** {@code master.<secret>}, when this start created the master apikey (a new database). */
    public Optional<String> createdMasterKey() {
        return createdMasterKey;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("error while stopping: {}", e.getMessage());
            }
        }
    }
}
