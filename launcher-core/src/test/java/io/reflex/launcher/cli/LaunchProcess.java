package io.reflex.launcher.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real {@code launch} as a separate JVM, started the way {@code bin/launch} starts it. */
final class LaunchProcess {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private LaunchProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static LaunchProcess start(Path workDir, Map<String, String> environment, List<String> args) throws IOException {
        return start(workDir, environment, List.of(), args);
    }

    /** With extra JVM options (system properties) before the main class. */
    static LaunchProcess start(Path workDir, Map<String, String> environment, List<String> jvmOptions,
                               List<String> args) throws IOException {
        List<String> command = command(jvmOptions, args);
        Path out = Files.createTempFile(workDir, "launch", ".out");
        Path err = Files.createTempFile(workDir, "launch", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new LaunchProcess(builder.start(), out, err);
    }

    /** The command line that starts {@code launch ARGS} in a JVM of its own. */
    static List<String> command(List<String> args) {
        return command(List.of(), args);
    }

    private static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LaunchMain.class.getName()));
        command.addAll(args);
        return command;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    int waitFor() throws InterruptedException, IOException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("launch did not end; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    void kill() {
        process.destroyForcibly();
    }
}
