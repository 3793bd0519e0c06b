package io.reflex.launcher.actions;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.log.LaunchLog;
import io.reflex.launcher.nativeos.ChildProcesses;
import io.reflex.launcher.nativeos.ExitStatus;
import io.reflex.launcher.nativeos.ProcessImage;
import io.reflex.launcher.nativeos.SpawnRequest;
import io.reflex.launcher.plan.Substitution;
import io.reflex.launcher.process.ChildEnvironment;
import io.reflex.launcher.process.ExecutableResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs Reflex Actions (7.2, 7.3) as children of the launcher. Children are spawned through
 * {@link ChildProcesses}, never {@link ProcessBuilder}, so pre-init actions can run under the supervisor's reaper.
 * A killed action counts as failed: the original treated it as success, which let a broken pre-init step pass.
 */
public final class ActionRunner {

    private final ActionsFile file;
    private final ChildProcesses processes;
    private final LaunchLog log;
    private final Optional<byte[]> configPayload;
    private final Map<String, String> baseEnvironment;

    /**
     * @param environment   the launcher's environment after preparation; REFLEX_APIKEY is removed here
     * @param configPayload what {@code "config": "stdin"} actions read (the {@code launch config} document)
     */
    public ActionRunner(ActionsFile file, ChildProcesses processes, Map<String, String> environment,
                        Optional<byte[]> configPayload, LaunchLog log) {
        this(file, processes, environment, Map.of(), configPayload, log);
    }

    /**
     * @param meta what {@code --export-meta} hands to actions ({@code REFLEX_URL}, {@code REFLEX_APIKEY}), added
     *             after the apikey was stripped and before the global setenv (7.2 step 1)
     */
    public ActionRunner(ActionsFile file, ChildProcesses processes, Map<String, String> environment,
                        Map<String, String> meta, Optional<byte[]> configPayload, LaunchLog log) {
        this.file = file;
        this.processes = processes;
        this.log = log;
        this.configPayload = configPayload;
        this.baseEnvironment = prepared(environment, meta, file);
    }

    /** The environment every action starts from: the launcher's, the meta variables, then the global setenv. */
    public static Map<String, String> globalEnvironment(ActionsFile file, Map<String, String> environment,
                                                        Map<String, String> meta) {
        return prepared(environment, meta, file);
    }

    /**
     * Verifies {@code name} and runs it and its {@code onSuccess} chain.
     *
     * @throws LaunchException {@link ExitReason#ACTION_FAILED} naming the action and its exit code
     */
    public void run(String name, List<String> extraArguments) {
        List<String> chain = file.verify(name);
        for (String step : chain) {
            runOne(step, extraArguments);
        }
    }

    private void runOne(String name, List<String> extraArguments) {
        ObjectNode action = file.action(name).orElseThrow();
        String type = action.path("type").asText();
        log.info("==[ Action '" + action.path("title").asText(name) + "' ]" + "=".repeat(40));
        Map<String, String> env = new LinkedHashMap<>(baseEnvironment);
        JsonNode actionConfig = action.path("config");
        ActionEnvironment.apply(env, action.path("setenv"),
                actionConfig.isObject() ? ActionEnvironment.dictionary(actionConfig, action.path("setenv")) : Map.of());
        switch (type) {
            case "system" -> spawn(name, command(name, action, "exec", "cmd", env), extraArguments, env, stdinFor(actionConfig));
            case "script" -> spawn(name, List.of(file.directory().resolve(action.path("target").asText(name)).toString()),
                    extraArguments, env, stdinFor(actionConfig));
            case "exec" -> exec(command(name, action, "cmd", "exec", env), extraArguments, env);
            case "group" -> action.path("actions").forEach(member -> run(member.asText(), List.of()));
            default -> log.info("Ignoring unrecognized action: " + type);
        }
    }

    private void spawn(String name, List<String> command, List<String> extra, Map<String, String> env,
                       Optional<byte[]> stdin) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(extra);
        Path executable = ExecutableResolver.resolve(argv.getFirst(), file.directory(), env);
        ExitStatus status = processes.spawn(new SpawnRequest(executable, argv, env, file.directory(), stdin))
                .exit().join();
        if (!status.success()) {
            throw new LaunchException(ExitReason.ACTION_FAILED,
                    "Unable to continue after failure on '" + name + "' (" + status + ")");
        }
    }

    private void exec(List<String> command, List<String> extra, Map<String, String> env) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(extra);
        Path executable = ExecutableResolver.resolve(argv.getFirst(), file.directory(), env);
        ProcessImage.replace(executable, argv, env, file.directory(), Optional.empty());
    }

    /** The child never inherits the terminal: it gets the config document, or an empty, closed stdin. */
    private Optional<byte[]> stdinFor(JsonNode actionConfig) {
        return Optional.of("stdin".equals(actionConfig.asText()) ? configPayload.orElse(new byte[0]) : new byte[0]);
    }

    private static List<String> command(String name, ObjectNode action, String field, String legacy,
                                        Map<String, String> env) {
        JsonNode command = action.path(field).isArray() ? action.path(field) : action.path(legacy);
        if (!command.isArray() || command.isEmpty()) {
            throw new LaunchException(ExitReason.BAD_CONFIG, "Action " + name + " has no " + field + " command");
        }
        List<String> argv = new ArrayList<>();
        command.forEach(part -> argv.add(Substitution.apply(part.asText(), variable -> env.getOrDefault(variable, ""))));
        return argv;
    }

    private static Map<String, String> prepared(Map<String, String> environment, Map<String, String> meta,
                                                ActionsFile file) {
        Map<String, String> env = ChildEnvironment.withoutApikey(environment);
        env.putAll(meta);
        env.remove("PYTHONPATH");
        String cwd = Path.of("").toAbsolutePath().toString();
        env.putIfAbsent("APP_RUN_BASE", cwd);
        env.putIfAbsent("APP_RUN_ROOT", env.get("APP_RUN_BASE"));
        env.putIfAbsent("APP_CFG_BASE", cwd);
        env.put("REFLEX_ACTION_BASE", file.path().getParent().toString());
        ActionEnvironment.apply(env, file.setenv(), ActionEnvironment.dictionary(file.config(), file.setenv()));
        return env;
    }
}
