package io.reflex.launcher.watch;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexException;
import io.reflex.client.WatchRequest;
import io.reflex.client.WatchSubscription;
import io.reflex.client.config.ConfigFile;
import io.reflex.client.discovery.ResolvedLink;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.files.ConfigFileWriter;
import io.reflex.launcher.log.LaunchLog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code --watch-links}: keeps a JSON file of every link and its healthy instances current, consul-template
 * style, and tells the app when it changed. Instances and services are followed on the change feed (or by
 * polling); any such event re-resolves the links after a quiet period, and only content that differs from the
 * file's is written (atomically) and signalled, so the constant heartbeats of a healthy fleet cost a read, never a
 * signal.
 */
public final class LinkWatcher implements AutoCloseable {

    /** Addresses only, no secrets: readable by other users, like the app's other non-secret files. */
    private static final int MODE = 0644;

    private final Path file;
    private final Supplier<List<ResolvedLink>> resolve;
    private final Runnable onChange;
    private final LaunchLog log;
    private final Debouncer debouncer;
    private byte[] current;
    private WatchSubscription subscription;

    private LinkWatcher(Path file, Supplier<List<ResolvedLink>> resolve, Runnable onChange, Duration debounce,
                        LaunchLog log) {
        this.file = file;
        this.resolve = resolve;
        this.onChange = onChange;
        this.log = log;
        this.debouncer = new Debouncer("launch-links", debounce, this::refresh);
    }

    /**
     * Writes {@code initial} to {@code file} at once (before the app starts, so it can read the file), then follows
     * the engine.
     *
     * @param resolve  re-reads the service and resolves its links
     * @param onChange called after the file was rewritten with different content
     */
    public static LinkWatcher start(ReflexClient client, Path file, List<ResolvedLink> initial,
                                    Supplier<List<ResolvedLink>> resolve, Runnable onChange, Duration debounce,
                                    LaunchLog log) {
        LinkWatcher watcher = new LinkWatcher(file, resolve, onChange, debounce, log);
        watcher.current = render(initial);
        watcher.write(watcher.current);
        log.info("Links written to " + file);
        watcher.subscription = client.watch(
                WatchRequest.all().types(ObjectType.INSTANCE, ObjectType.SERVICE).pollInterval(Duration.ofSeconds(5)),
                event -> watcher.debouncer.trigger());
        return watcher;
    }

    /** The file's content: an object with one member per link, named by its variable prefix. */
    static byte[] render(List<ResolvedLink> links) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        links.forEach(link -> document.set(link.link().name(), link.toJson()));
        return (document.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void refresh() {
        try {
            byte[] next = render(resolve.get());
            if (Arrays.equals(current, next)) {
                log.debug("Links unchanged");
                return;
            }
            write(next);
            current = next;
            log.info("Links changed: rewrote " + file);
            onChange.run();
        } catch (LaunchException | ReflexException e) {
            log.info("Cannot refresh links, keeping " + file + ": " + e.getMessage());
        }
    }

    private void write(byte[] bytes) {
        ConfigFileWriter.writeAll(List.of(new ConfigFile("links", file.getFileName().toString(),
                file.toAbsolutePath().toString(), MODE, bytes)));
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        debouncer.close();
    }
}
