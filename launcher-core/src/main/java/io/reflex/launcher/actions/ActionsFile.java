package io.reflex.launcher.actions;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A local Reflex Actions file (7.1): the app ships it next to its code, so what an action does is versioned with
 * the app rather than stored on the engine.
 *
 * @param path the file that was found
 * @param json its content
 */
public record ActionsFile(Path path, ObjectNode json) {

    private static final List<String> SUBDIRS = List.of(".pkg", ".reflex", ".rfx", ".");
    private static final List<String> NAMES = List.of("config.json", "actions.json");

    /** Searches {@code $APP_RUN_ROOT} (default {@code $APP_RUN_BASE}, default the cwd), then the cwd. */
    public static Optional<ActionsFile> find(Map<String, String> environment, Path cwd) {
        Set<Path> bases = new LinkedHashSet<>();
        String root = environment.getOrDefault("APP_RUN_ROOT", environment.get("APP_RUN_BASE"));
        bases.add(root == null || root.isEmpty() ? cwd : cwd.resolve(root).normalize());
        bases.add(cwd);
        for (Path base : bases) {
            for (String subdir : SUBDIRS) {
                for (String name : NAMES) {
                    Path candidate = base.resolve(subdir).resolve(name).normalize();
                    if (Files.isRegularFile(candidate)) {
                        return Optional.of(read(candidate));
                    }
                }
            }
        }
        return Optional.empty();
    }

    public static ActionsFile require(Map<String, String> environment, Path cwd) {
        return find(environment, cwd).orElseThrow(() -> new LaunchException(ExitReason.BAD_CONFIG,
                "No Reflex Actions configured, missing .pkg/actions.json"));
    }

    static ActionsFile read(Path file) {
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            if (!json.isObject()) {
                throw new LaunchException(ExitReason.BAD_CONFIG, "Actions file is not a JSON object: " + file);
            }
            return new ActionsFile(file.toAbsolutePath(), (ObjectNode) json);
        } catch (IOException e) {
            throw new LaunchException(ExitReason.BAD_CONFIG, "Cannot read actions file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The directory scripts are relative to, and where the original chdir'ed. */
    public Path directory() {
        Path parent = path.getParent();
        return parent.getFileName() != null && List.of(".pkg", ".reflex", ".rfx").contains(parent.getFileName().toString())
                ? parent.getParent() : parent;
    }

    public ObjectNode config() {
        return object(json.path("config"));
    }

    public ObjectNode setenv() {
        return object(json.path("setenv"));
    }

    public Optional<ObjectNode> action(String name) {
        JsonNode action = json.path("actions").path(name);
        return action.isObject() ? Optional.of((ObjectNode) action) : Optional.empty();
    }

    public Optional<String> configText(String key) {
        JsonNode value = config().path(key);
        return value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * Checks that {@code name} exists with a type and that its {@code onSuccess} chain does not loop (7.3).
     *
     * @return the chain, starting with {@code name}
     */
    public List<String> verify(String name) {
        List<String> chain = new ArrayList<>();
        String next = name;
        while (next != null) {
            if (chain.contains(next)) {
                chain.add(next);
                throw new LaunchException(ExitReason.BAD_CONFIG,
                        "Recursive action calls back in on itself! (" + String.join(" -> ", chain) + ")");
            }
            chain.add(next);
            String current = next;
            ObjectNode action = action(current).orElseThrow(() -> new LaunchException(ExitReason.BAD_CONFIG,
                    "No such action: " + current));
            if (!action.path("type").isTextual()) {
                throw new LaunchException(ExitReason.BAD_CONFIG, "Action " + current + " has no type");
            }
            JsonNode onSuccess = action.path("onSuccess");
            next = onSuccess.isTextual() && !onSuccess.asText().isEmpty() ? onSuccess.asText() : null;
        }
        return chain;
    }

    private static ObjectNode object(JsonNode node) {
        return node.isObject() ? (ObjectNode) node : JsonNodeFactory.instance.objectNode();
    }
}
