package io.reflex.installers;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * build-console.sh on a machine without fakeroot (the .deb's tool): it says so, names the tool and still builds the
 * .rpm. PATH is this machine's PATH with the tool hidden; the app-image the build just made is packaged again
 * (REFLEX_CONSOLE_APP_IMAGE), so only the installers are made. Needs rpmbuild (.ci/run installs it).
 */
@Timeout(900)
@DisabledIfSystemProperty(named = "console.skip", matches = "true")
class MissingPackageToolsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsTheRpmTools() {
        assumeTrue(Tools.onPath("rpmbuild"), "rpmbuild is not installed (Debian: apt-get install rpm)");
    }

    @Test
    void withoutFakerootTheDebIsSkippedByNameAndTheRpmStillBuilt() throws Exception {
        Path out = dir.resolve("without-fakeroot");
        Run run = buildConsole(out, Set.of("fakeroot"), Map.of(), "deb", "rpm");

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("WARNING: not building the deb package: missing fakeroot",
                "SKIPPED deb: missing fakeroot");
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(f -> f.startsWith("reflex-console-") && f.endsWith(".rpm"))
                    .noneMatch(f -> f.endsWith(".deb"));
        }
    }

    @Test
    void withoutRpmbuildInStrictModeTheBuildFailsNamingIt() throws Exception {
        Run run = buildConsole(dir.resolve("strict"), Set.of("rpmbuild"), Map.of("REFLEX_PACKAGE_STRICT", "true"), "rpm");

        assertThat(run.code()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("not building the rpm package: missing rpmbuild");
    }

    private record Run(int code, String output) {
    }

    private static Run buildConsole(Path out, Set<String> hidden, Map<String, String> environment, String... types)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "build", ".log");
        List<String> command = new ArrayList<>(List.of("bash", "console/build-console.sh",
                System.getProperty("console.version"), System.getProperty("console.appGuiTarget"), out.toString()));
        command.addAll(List.of(types));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", Tools.pathWithout(hidden, dir.resolve("bin-" + out.getFileName())));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("REFLEX_CONSOLE_APP_IMAGE", System.getProperty("console.appImage"));
        builder.environment().putAll(environment);
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(840, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("build-console.sh did not end:\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    /** This machine's PATH, as a directory of links to every program on it but the hidden ones. */
    private static final class Tools {
        static boolean onPath(String tool) {
            return dirsOnPath().stream().anyMatch(d -> Files.isExecutable(d.resolve(tool)));
        }

        static String pathWithout(Set<String> hidden, Path bin) throws IOException {
            Files.createDirectories(bin);
            for (Path d : dirsOnPath()) {
                try (var programs = Files.list(d)) {
                    for (Path program : programs.filter(Files::isExecutable).toList()) {
                        Path link = bin.resolve(program.getFileName().toString());
                        if (!hidden.contains(link.getFileName().toString()) && Files.notExists(link)) {
                            Files.createSymbolicLink(link, program);
                        }
                    }
                }
            }
            return bin.toString();
        }

        private static List<Path> dirsOnPath() {
            return List.of(System.getenv("PATH").split(File.pathSeparator)).stream().filter(p -> !p.isEmpty())
                    .map(Path::of).filter(Files::isDirectory).toList();
        }
    }
}
