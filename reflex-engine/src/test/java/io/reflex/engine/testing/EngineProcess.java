package io.reflex.engine.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine as a separate operating-system process, started the way {@code bin/reflex-engine} starts it, for tests
 * that kill it or run several nodes. Its log goes to a file; the listening URL is read from the log.
 */
public final class EngineProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Reflex Engine listening on (http://\\S+)");

    private final Process process;
    private final String url;
    private final Path log;

    private EngineProcess(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Starts {@code EngineMain} with {@code args} and waits until it listens. */
    public static EngineProcess start(Path workDir, List<String> args) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path log = Files.createTempFile(workDir, "engine", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "io.reflex.engine.EngineMain", "--listen", "127.0.0.1:0"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> awaitUrl(process, log));
        try {
            return new EngineProcess(process, url.get(60, TimeUnit.SECONDS), log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("engine did not start: " + Files.readString(log), e);
        }
    }

    private static String awaitUrl(Process process, Path log) {
        while (process.isAlive()) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                Thread.sleep(50);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("engine exited with " + process.exitValue());
    }

    public String url() {
        return url;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no flush; what a crash or the OOM killer does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then wait for the graceful shutdown. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
