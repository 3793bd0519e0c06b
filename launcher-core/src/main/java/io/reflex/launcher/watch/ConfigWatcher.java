package io.reflex.launcher.watch;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.WatchRequest;
import io.reflex.client.WatchSubscription;
import io.reflex.client.config.LaunchPlan;
import io.reflex.launcher.log.LaunchLog;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code --watch}: follows the engine's change feed and re-renders the service's plan after a quiet period.
 * Any change to a config, service or pipeline may matter (a parent config, an import), so every event triggers a
 * re-render; only a plan whose files or variables really differ is reported. A burst of edits is debounced into
 * one render, and a random jitter keeps a fleet of instances from hitting the engine in the same millisecond.
 */
public final class ConfigWatcher implements AutoCloseable {

    private final Supplier<LaunchPlan> render;
    private final Consumer<LaunchPlan> onChange;
    private final Debouncer debouncer;
    private final LaunchLog log;
    private volatile LaunchPlan current;
    private WatchSubscription subscription;

    private ConfigWatcher(LaunchPlan initial, Supplier<LaunchPlan> render, Consumer<LaunchPlan> onChange,
                          Duration debounce, LaunchLog log) {
        this.current = initial;
        this.render = render;
        this.onChange = onChange;
        this.debouncer = new Debouncer("launch-watch", debounce, this::rerender);
        this.log = log;
    }

    /**
     * @param render   flattens and commits the service's config again, reading the engine
     * @param onChange receives a plan that differs from the last one (files written by the caller)
     */
    public static ConfigWatcher start(ReflexClient client, LaunchPlan initial, Supplier<LaunchPlan> render,
                                      Consumer<LaunchPlan> onChange, Duration debounce, LaunchLog log) {
        ConfigWatcher watcher = new ConfigWatcher(initial, render, onChange, debounce, log);
        watcher.subscription = client.watch(
                WatchRequest.all().types(ObjectType.CONFIG, ObjectType.SERVICE, ObjectType.PIPELINE)
                        .pollInterval(Duration.ofSeconds(5)),
                event -> watcher.debouncer.trigger());
        return watcher;
    }

    /**
     * Whether {@code after} changes what a running app can be told about: file paths, modes or bytes. Variables
     * cannot reach a process that is already running, so a change there alone (a new peer, say) is only logged.
     */
    public static boolean filesDiffer(LaunchPlan before, LaunchPlan after) {
        return !rendered(before).equals(rendered(after));
    }

    /** What lands on disk; which config object produced a file (its name.id reference) does not matter. */
    private static List<RenderedFile> rendered(LaunchPlan plan) {
        return plan.files().stream().map(f -> new RenderedFile(f.path(), f.mode(), HexFormat.of().formatHex(f.bytes())))
                .toList();
    }

    private record RenderedFile(String path, int mode, String hex) {
    }

    private void rerender() {
        try {
            LaunchPlan next = render.get();
            if (filesDiffer(current, next)) {
                current = next;
                onChange.accept(next);
            } else if (!current.environment().equals(next.environment())) {
                log.info("Config variables changed; they apply when the app is next started");
                current = next;
            } else {
                log.debug("Config change did not change the rendered plan; nothing to do");
            }
        } catch (RuntimeException e) {
            log.info("Cannot re-render config, keeping the current one: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        Objects.requireNonNull(subscription).close();
        debouncer.close();
    }
}
