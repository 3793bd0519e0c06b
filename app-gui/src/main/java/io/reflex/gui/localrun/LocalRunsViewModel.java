package io.reflex.gui.localrun;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.dialog.DialogService;
import io.reflex.gui.dialog.ErrorSentences;
import io.reflex.gui.dialog.DialogService.Severity;
import io.reflex.gui.task.TaskExecutor;
import io.reflex.launcher.instance.HostIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Services run on this machine by the embedded launcher, and the preview of what {@code launch} would give one.
 * Each run is a child process with the console's own Java and class path; its apikey reaches it in a private
 * secrets directory (mode 0700, file 0600), never on the command line or in the environment.
 */
public final class LocalRunsViewModel implements AutoCloseable {
    /** The launcher's own {@code --grace} is 10 s; SIGKILL follows only when it has not finished by then. */
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final ConnectionService connection;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final LauncherCommand command;
    private final Path runsDir;
    private final String hostInstanceSuffix;
    private final ObservableList<LocalRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<LocalRun> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper previewConfig = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewEnv = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewSummary = new ReadOnlyStringWrapper(
            "Preview shows what launch config and launch env would print for a service, without running it.");
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper();
    private LaunchPreview preview;

    public LocalRunsViewModel(ConnectionService connection, TaskExecutor executor, DialogService dialogs,
            LauncherCommand command) {
        this.connection = connection;
        this.executor = executor;
        this.dialogs = dialogs;
        this.command = command;
        try {
            runsDir = Files.createTempDirectory("reflex-console-runs",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for local runs", e);
        }
        hostInstanceSuffix = HostIdentity.current().instanceName("");
    }

    /**
     * Runs {@code service} here. When its pipeline asks for the launcher's proxy ({@code launch.proxy}) without a
     * port of its own, the proxy gets a free port of 127.0.0.1; otherwise the app gets one as {@code PORT}.
     */
    public void run(String service) {
        start(service, OptionalInt.empty());
    }

    /**
     * Runs {@code service} here with the launcher's proxy on 127.0.0.1:{@code proxyPort} (docs/redeploy.md), so it
     * can be redeployed without dropping a request.
     */
    public void runWithProxy(String service, int proxyPort) {
        start(service, OptionalInt.of(proxyPort));
    }

    private void start(String service, OptionalInt proxyPort) {
        ReflexClient client = connection.getClient();
        if (client == null || connection.apikey().isEmpty()) {
            dialogs.notify(Severity.WARNING, "Connect to an engine with a known apikey to run " + service + " here.");
            return;
        }
        if (runs.stream().anyMatch(r -> r.service().equals(service) && r.alive())) {
            dialogs.notify(Severity.WARNING, service + " already runs here; stop it first.");
            return;
        }
        String apikey = connection.apikey().get();
        executor.run(() -> spawn(client, apikey, service, proxyPort), run -> {
            runs.add(run);
            selected.set(run);
            dialogs.notify(Severity.INFO, "Started " + service + " here: launch service " + service
                    + " --mode supervise, pid " + run.pid() + "; its output is under local runs.");
        }, failure -> dialogs.showFailure("Cannot run " + service + " here", failure));
    }

    private LocalRun spawn(ReflexClient client, String apikey, String service, OptionalInt proxyPort) throws IOException {
        Path secrets = Files.createTempDirectory(runsDir, ".secrets-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(Files.createFile(secrets.resolve("REFLEX_APIKEY"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), apikey,
                StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("service", service, "--mode", "supervise", "--exit-with-parent",
                "--secrets-dir", secrets.toString()));
        OptionalInt proxy = proxyPort.isPresent() || !wantsProxyPort(client, service) ? proxyPort
                : OptionalInt.of(freePort());
        proxy.ifPresent(port -> args.addAll(List.of("--proxy", "127.0.0.1:" + port)));
        ProcessBuilder builder = new ProcessBuilder(command.launch(args)).redirectErrorStream(true)
                .directory(runsDir.toFile());
        builder.environment().putAll(environment(client.url()));
        if (proxy.isEmpty()) {
            builder.environment().put("PORT", String.valueOf(freePort()));
        }
        Process process = builder.start();
        return new LocalRun(service, service + hostInstanceSuffix, process, proxy, instance -> client
                .find(ObjectType.INSTANCE, instance).flatMap(found -> found.field("lifecycle"))
                .map(lifecycle -> lifecycle.path("state").asText("")).orElse(""), () -> deleteTree(secrets));
    }

    /** A pipeline with a {@code launch.proxy} section but no port the launcher could listen on. */
    private static boolean wantsProxyPort(ReflexClient client, String service) {
        return client.find(ObjectType.SERVICE, service).flatMap(s -> s.text("pipeline"))
                .flatMap(pipeline -> client.find(ObjectType.PIPELINE, pipeline))
                .flatMap(pipeline -> pipeline.field("launch"))
                .filter(launch -> launch.path("proxy").isObject() && !launch.path("proxy").has("listen")
                        && !launch.has("port"))
                .isPresent();
    }

    /**
     * What a launcher started here sees besides the console's environment: the engine's URL, where demo apps find
     * Java and their class path, and no apikey or service name inherited from whoever started the console.
     */
    Map<String, String> environment(String url) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("REFLEX_APIKEY");
        env.remove("REFLEX_SERVICE");
        env.put("REFLEX_URL", url);
        env.put("REFLEX_CONSOLE_JAVA", command.java().toString());
        env.put("REFLEX_CONSOLE_CLASSPATH", command.classpath());
        env.put("REFLEX_CONSOLE_RUNS", runsDir.toString());
        return env;
    }

    /** Stops the selected run: SIGTERM to its launcher, SIGKILL after the grace period. */
    public void stop(LocalRun run) {
        if (run == null || !run.alive()) {
            return;
        }
        executor.run(() -> {
            run.stop(STOP_GRACE);
            return run;
        }, stopped -> dialogs.notify(Severity.INFO, "Stopped the local run of " + stopped.service() + "."),
                failure -> dialogs.showFailure("Cannot stop " + run.service(), failure));
    }

    /** Computes what {@code launch config} and {@code launch env} would print for {@code service} here. */
    public void preview(String service) {
        ReflexClient client = connection.getClient();
        if (client == null) {
            return;
        }
        executor.run(() -> LaunchPreview.compute(client, service, environment(client.url())), computed -> {
            preview = computed;
            revealed.set(false);
            previewSummary.set("launch config " + service + " and launch env " + service
                    + " on this machine (computed here, nothing written or run).");
            publishPreview();
        }, failure -> {
            preview = null;
            previewConfig.set("");
            previewEnv.set("");
            connection.reportFailure(failure);
            previewSummary.set("Cannot preview " + service + ": " + ErrorSentences.of(failure));
        });
    }

    public void reveal() {
        revealed.set(true);
        publishPreview();
    }

    public void hide() {
        revealed.set(false);
        publishPreview();
    }

    private void publishPreview() {
        if (preview != null) {
            List<String> secrets = revealed.get() ? List.of() : preview.secrets();
            previewConfig.set(LaunchPreview.mask(preview.config(), secrets));
            previewEnv.set(LaunchPreview.mask(preview.env(), secrets));
        }
    }

    /** A free port on 127.0.0.1 at this moment; the app binds it a moment later. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.getLogger("io.reflex.gui").log(System.Logger.Level.WARNING, "Cannot remove " + dir, e);
        }
    }

    public ObservableList<LocalRun> getRuns() {
        return runs;
    }

    public ObjectProperty<LocalRun> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty previewConfigProperty() {
        return previewConfig.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewEnvProperty() {
        return previewEnv.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewSummaryProperty() {
        return previewSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /**
     * Stops every run still alive (in parallel, each with its grace period) and removes the runs directory. Called
     * when the window closes and, for a console ended by a signal, from a shutdown hook; a second call finds
     * nothing left to do.
     */
    @Override
    public void close() {
        LocalRun.stopAll(List.copyOf(runs), STOP_GRACE);
        deleteTree(runsDir);
    }
}
