package io.reflex.installers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the programs of an unpacked runtime image the way a host without Java would: an environment holding only what
 * the test gives, and a {@code PATH} with just the few tools the {@code bin/} scripts call, none of them {@code java}.
 */
record ImageRun(Path home, Path tools, Path scratch) {

    /** The result of a program that ran to its end. */
    record Result(int code, String out, String err) {
    }

    /** Unpacks TARBALL under SCRATCH/opt, as a user would into /opt. */
    static ImageRun unpack(Path tarball, Path scratch) throws IOException, InterruptedException {
        assertThat(tarball).isRegularFile();
        Path opt = Files.createDirectories(scratch.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "-C", opt.toString(), "-xzf", tarball.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        Path home;
        try (var entries = Files.list(opt)) {
            home = entries.findFirst().orElseThrow();
        }
        Path tools = Files.createDirectories(scratch.resolve("tools"));
        for (String tool : List.of("dirname", "basename", "readlink")) {
            Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool));
        }
        return new ImageRun(home, tools, Files.createDirectories(scratch.resolve("home")));
    }

    /** Starts PROGRAM (a name in bin/ or a path) with its output in LOG; the caller waits for it. */
    Process start(String program, List<String> args, Map<String, String> environment, Path log) throws IOException {
        return builder(program, args, environment).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs PROGRAM (a name in bin/ or a path) to its end, at most 120 s. */
    Result run(String program, List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process process = builder(program, args, environment).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not end: " + program + " " + args + "\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private ProcessBuilder builder(String program, List<String> args, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(program.contains("/") ? program : home.resolve("bin").resolve(program).toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", tools.toString(), "HOME", scratch.toString()));
        builder.environment().putAll(environment);
        return builder;
    }
}
