package io.reflex.launcher.cli;

import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexSettings;
import io.reflex.launcher.actions.ActionsFile;
import io.reflex.launcher.log.LaunchLog;
import io.reflex.launcher.plan.EngineCalls;
import io.reflex.launcher.plan.LaunchTarget;
import io.reflex.launcher.plan.SecretFiles;
import io.reflex.launcher.plan.ServicePreparer;

import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What every command needs, made once: the environment and secrets the launch reads (injected, so tests never
 * depend on the machine's), the engine client and the log.
 *
 * @param argv        the command line as given, for a launcher that restarts itself
 * @param environment the launcher's environment, plus {@code LOGFMT} as the original tools set it
 */
record LaunchContext(List<String> argv, Arguments arguments, Map<String, String> environment, SecretFiles secrets, LaunchLog log,
                     PrintStream out, Clock clock) {

    /**
     * Engine calls and pings that overlap the main thread's work: one daemon thread per task, since there are only a
     * handful per start and an exec must never wait for a pool to wind down.
     */
    private static final ExecutorService BACKGROUND =
            Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("engine-call-", 0).factory());

    static LaunchContext of(List<String> argv, Arguments arguments, Map<String, String> environment, LaunchLog log,
                            PrintStream out, Clock clock) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("LOGFMT", arguments.logfmt());
        SecretFiles secrets = new SecretFiles(arguments.secretsDir().orElse(SecretFiles.DEFAULT));
        return new LaunchContext(List.copyOf(argv), arguments, env, secrets, log, out, clock);
    }

    LaunchTarget target() {
        return LaunchTarget.parse(arguments.target(), LaunchTarget.fromSecretsOrEnv(secrets, environment));
    }

    /**
     * Short timeouts and no silent retries: {@link EngineCalls} decides how long to wait for the engine.
     *
     * <p>For an {@code http://} engine the client gets an OkHttp client with cleartext connections only: OkHttp's
     * default one builds an {@code SSLContext} and loads and parses the JDK's whole trust store (about 150
     * certificates) in its constructor, which cost 40 to 60 ms of every start and is never used over plain HTTP;
     * likewise the security providers only TLS needs ({@link PlainHttpProviders}).
     */
    ReflexClient client() {
        ReflexSettings settings = settings();
        ReflexClient.Builder builder = ReflexClient.builder().settings(settings);
        if (settings.find(ReflexSettings.URL).filter(url -> url.regionMatches(true, 0, "http://", 0, 7)).isPresent()) {
            PlainHttpProviders.limit();
            builder.okHttpClient(new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build());
        }
        return builder.retries(0)
                .connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(30)).build();
    }

    /** Where {@code REFLEX_URL} and {@code REFLEX_APIKEY} come from: secret files, the environment, the profile. */
    ReflexSettings settings() {
        return ReflexSettings.builder().secretsDir(secrets.directory()).environment(environment).build();
    }

    /** The actions file as found from the launcher's own environment and working directory (6.5, 7.1). */
    Optional<ActionsFile> actionsFile() {
        return ActionsFile.find(environment, Path.of("").toAbsolutePath());
    }

    ServicePreparer.LocalDirs localDirs() {
        return actionsFile().map(file -> new ServicePreparer.LocalDirs(file.configText("rundir"), file.configText("cfgdir")))
                .orElse(ServicePreparer.LocalDirs.none());
    }

    EngineCalls calls() {
        return new EngineCalls(arguments.waitForEngine(), clock, log, BACKGROUND);
    }

    ServicePreparer preparer(ReflexClient client) {
        return new ServicePreparer(client, calls());
    }
}
