package io.reflex.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reflex-engine}: starts one engine node and runs until SIGTERM or SIGINT, then shuts down gracefully and exits
 * 0 (not the JVM's 143), so supervisors read a requested stop as success.
 */
@Command(name = "reflex-engine", mixinStandardHelpOptions = true, version = "reflex-engine 0.1.0",
        description = "Runs a Reflex Engine: the versioned, access-controlled config and secret database.")
public final class EngineMain implements Callable<Integer> {

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on (default 127.0.0.1:54000).")
    private String listen;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory: SQLite file, generated crypto key, master.key "
            + "(default $XDG_DATA_HOME/reflex/engine).")
    private Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Database instead of the embedded SQLite file, e.g. "
            + "jdbc:postgresql://127.0.0.1:5432/reflex or jdbc:mariadb://127.0.0.1:3306/reflex.")
    private String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user.")
    private String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "File holding the database password.")
    private Path dbPasswordFile;

    @Option(names = "--config", paramLabel = "FILE", description = "Engine configuration (JSON, the keys of REFLEX_ENGINE_CONFIG).")
    private Path config;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> env;
    private final Path secretsDir;

    EngineMain(Map<String, String> env, Path secretsDir) {
        this.env = env;
        this.secretsDir = secretsDir;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new EngineMain(System.getenv(), Path.of("/run/secrets"))).execute(args));
    }

    /** The command with its error handling: a failure to start is one line on stderr and exit status 1. */
    static CommandLine commandLine(EngineMain main) {
        CommandLine cli = new CommandLine(main);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("reflex-engine: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        EngineSettings settings = settings();
        Engine engine = Engine.start(settings);
        PrintWriter err = spec.commandLine().getErr();
        engine.createdMasterKey().ifPresent(key -> {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            err.println(stamp + " Initializing schema master apikey, <CHANGE> REFLEX_APIKEY=" + key);
            err.println(stamp + " master apikey also written to " + settings.dataDir().resolve(Engine.MASTER_KEY_FILE));
            err.flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            stopped.countDown();
            Runtime.getRuntime().halt(0);
        }, "reflex-shutdown"));
        stopped.await();
        return 0;
    }

    EngineSettings settings() throws Exception {
        EngineSettings.Builder builder = EngineSettings.embedded(data != null ? data : defaultDataDir());
        Optional<String> variable = SettingsLoader.engineConfigVariable(secretsDir, env);
        if (variable.isPresent()) {
            SettingsLoader.apply(SettingsLoader.parse(variable.get(), SettingsLoader.VARIABLE), builder,
                    SettingsLoader.VARIABLE);
        }
        if (config != null) {
            if (!Files.isReadable(config)) {
                throw new IllegalArgumentException("cannot read config file " + config);
            }
            JsonNode document = SettingsLoader.parse(Files.readString(config), config.toString());
            SettingsLoader.apply(document, builder, config.toString());
        }
        if (listen != null) {
            int colon = listen.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--listen must be HOST:PORT, e.g. 127.0.0.1:54000");
            }
            int port;
            try {
                port = Integer.parseInt(listen.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--listen port '" + listen.substring(colon + 1) + "' is not a number");
            }
            builder.listen(listen.substring(0, colon).replace("[", "").replace("]", ""), port);
        }
        if (db != null) {
            Optional<String> password = dbPasswordFile == null ? Optional.empty()
                    : Optional.of(Files.readString(dbPasswordFile).strip());
            builder.database(db, Optional.ofNullable(dbUser), password);
        }
        return builder.build();
    }

    private Path defaultDataDir() {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("reflex").resolve("engine");
    }
}
