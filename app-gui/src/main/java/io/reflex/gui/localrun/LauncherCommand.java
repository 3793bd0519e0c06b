package io.reflex.gui.localrun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of launcher-core's {@code launch}, run with the console's own Java runtime and class path. A
 * local run needs a separate process, not a call into {@code LaunchMain}: in supervise mode the launcher becomes
 * the app's parent, reaps orphans and owns signals, none of which may happen inside the console's JVM.
 *
 * @param java      the {@code java} executable of the runtime the console runs on
 * @param classpath the console's class path, which holds launcher-core and its dependencies
 */
public record LauncherCommand(Path java, String classpath) {
    static final String MAIN_CLASS = "io.reflex.launcher.cli.LaunchMain";

    public static LauncherCommand ofThisConsole() {
        return new LauncherCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"));
    }

    /** {@code launch ARGS...} with the launcher's small-heap options (docs/launch.md, Installing). */
    public List<String> launch(List<String> args) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-Xss512k", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", classpath, MAIN_CLASS));
        command.addAll(args);
        return command;
    }
}
