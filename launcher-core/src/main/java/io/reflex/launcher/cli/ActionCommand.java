package io.reflex.launcher.cli;

import io.reflex.client.ReflexSettings;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.actions.ActionRunner;
import io.reflex.launcher.actions.ActionsFile;
import io.reflex.launcher.nativeos.ChildProcesses;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code launch action} (7.4): the app's local Reflex Actions without a service. No engine is contacted;
 * {@code --export-meta} only reads {@code REFLEX_URL} and {@code REFLEX_APIKEY} from the settings.
 *
 * <pre>
 * launch action list|ls                 table ACTION  TYPE
 * launch action env                     export KEY="value" lines for the global setenv
 * launch action verify ACTION           checks the action and its onSuccess chain
 * launch action run ACTION [ARGS...]    runs it (and its onSuccess chain)
 * launch action ACTION [ARGS...]        the same
 * </pre>
 */
final class ActionCommand {

    private static final List<String> LIST = List.of("li", "lis", "list", "ls");

    private ActionCommand() {
    }

    static int run(LaunchContext context) {
        Arguments arguments = context.arguments();
        String word = arguments.target().orElseThrow(() -> usage("Missing action sub-command: list, env, verify, run or an action name"));
        ActionsFile file = ActionsFile.require(context.environment(), Path.of("").toAbsolutePath());
        List<String> rest = arguments.appArguments();
        if (LIST.contains(word)) {
            list(file, context.out());
            return 0;
        }
        switch (word) {
            case "env" -> {
                env(file, context);
                return 0;
            }
            case "verify" -> {
                String name = first(rest, "verify");
                context.out().println(String.join(" -> ", file.verify(name)));
                context.out().flush();
                return 0;
            }
            case "run" -> {
                return runAction(context, file, first(rest, "run"), rest.subList(1, rest.size()));
            }
            default -> {
                return runAction(context, file, word, rest);
            }
        }
    }

    private static void list(ActionsFile file, PrintStream out) {
        Map<String, String> types = new LinkedHashMap<>();
        file.json().path("actions").properties()
                .forEach(e -> types.put(e.getKey(), e.getValue().path("type").asText("")));
        int width = Math.max("ACTION".length(), types.keySet().stream().mapToInt(String::length).max().orElse(0));
        out.println(pad("ACTION", width) + "  TYPE");
        types.forEach((name, type) -> out.println(pad(name, width) + "  " + type));
        out.flush();
    }

    private static void env(ActionsFile file, LaunchContext context) {
        Map<String, String> env = ActionRunner.globalEnvironment(file, context.environment(), meta(context));
        List<String> keys = new ArrayList<>();
        file.setenv().fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        for (String key : keys) {
            context.out().println("export " + key + "=" + JsonNodeFactory.instance.textNode(env.get(key)));
        }
        context.out().flush();
    }

    private static int runAction(LaunchContext context, ActionsFile file, String name, List<String> extra) {
        file.verify(name);
        // the original's --config only became the stdin payload, as a JSON string (7.4 [QUIRK])
        Optional<byte[]> payload = context.arguments().actionConfig()
                .map(value -> JsonNodeFactory.instance.textNode(value).toString().getBytes(StandardCharsets.UTF_8));
        try (ChildProcesses processes = ChildProcesses.start(pid -> context.log().debug("Reaped orphan " + pid))) {
            new ActionRunner(file, processes, context.environment(), meta(context), payload, context.log())
                    .run(name, extra);
        }
        return 0;
    }

    /** {@code --export-meta}: the engine address and apikey the launcher itself would use (7.2 step 1). */
    private static Map<String, String> meta(LaunchContext context) {
        if (!context.arguments().exportMeta()) {
            return Map.of();
        }
        ReflexSettings settings = context.settings();
        Map<String, String> meta = new LinkedHashMap<>();
        settings.find(ReflexSettings.URL).ifPresent(url -> meta.put(ReflexSettings.URL, url));
        settings.find(ReflexSettings.APIKEY).ifPresent(key -> meta.put(ReflexSettings.APIKEY, key));
        return meta;
    }

    private static String first(List<String> rest, String command) {
        if (rest.isEmpty()) {
            throw usage("action " + command + " needs an ACTION name");
        }
        return rest.getFirst();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static LaunchException usage(String message) {
        return new LaunchException(ExitReason.USAGE, message);
    }
}
