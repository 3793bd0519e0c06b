package io.reflex.launcher.cli;

import io.reflex.launcher.nativeos.ProcessImage;
import io.reflex.launcher.plan.PreparedService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A redeploy proxy asked for by the pipeline ({@code launch.proxy}) rather than by {@code --proxy}. The start
 * scripts choose the JVM's options from the command line, so such a launcher runs with supervise mode's
 * interpreter-only options: about 1,000 proxied requests a second instead of 60,000. Before anything is written or
 * started, it replaces itself (same PID, {@code execve}) with its start script, the same arguments and
 * {@code --proxy}, which selects the proxy's options.
 */
final class ProxyRestart {

    /** Set by {@code bin/launch} to its own path; absent when the launcher was started some other way. */
    static final String SCRIPT_PROPERTY = "reflex.launch.script";

    private ProxyRestart() {
    }

    /** Returns only when no restart is needed or possible; in the latter case after saying so. */
    static void ifPipelineAsks(LaunchContext context, PreparedService prepared) {
        if (context.arguments().redeploy().proxy().isPresent() || !prepared.launch().field("proxy").isObject()) {
            return;
        }
        Optional<Path> script = Optional.ofNullable(System.getProperty(SCRIPT_PROPERTY)).map(Path::of)
                .filter(Files::isExecutable);
        if (script.isEmpty()) {
            return;
        }
        List<String> argv = new ArrayList<>(List.of(script.get().toString(), "--proxy"));
        argv.addAll(context.argv());
        context.log().info("Launch restarts with the redeploy proxy's JVM options (launch.proxy in the pipeline)");
        try {
            ProcessImage.replace(script.get(), argv, System.getenv(), Path.of("").toAbsolutePath(), Optional.empty());
        } catch (IllegalStateException e) {
            context.log().info("Launch cannot restart itself (" + e.getMessage() + "); the proxy runs with this"
                    + " JVM's options");
        }
    }
}
