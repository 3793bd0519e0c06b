package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * A {@link ConfigSource} that reads ahead: as soon as a config arrives, the configs it names ({@code imports},
 * {@code extends} and, for a commit, {@code exports}) are requested too, in parallel. The flattener still asks for
 * configs one at a time in its own order, but a hierarchy then costs one round trip per level instead of one per
 * config, which is most of the engine time of a container start.
 *
 * <p>The flattener alone decides what is used: a config read ahead and never asked for is dropped, and a failed
 * read-ahead shows only when its config is asked for. A failure is reported once and then forgotten, so a caller
 * that retries (an engine that was not up yet) fetches again.
 */
public final class PrefetchingConfigSource implements ConfigSource {

    private static final List<String> ALWAYS_WALKED = List.of(Conf.IMPORTS, Conf.EXTENDS);
    private static final List<String> WALKED_ON_COMMIT = List.of(Conf.IMPORTS, Conf.EXTENDS, Conf.EXPORTS, "export");

    private final ConfigSource source;
    private final Executor executor;
    private final List<String> namingFields;
    private final ConcurrentMap<String, CompletableFuture<ObjectNode>> fetches = new ConcurrentHashMap<>();

    /**
     * @param executor runs the fetches; each may block on the network
     * @param commit   whether the flattening will commit, so that exports are worth reading ahead
     */
    public PrefetchingConfigSource(ConfigSource source, Executor executor, boolean commit) {
        this.source = Objects.requireNonNull(source, "source");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.namingFields = commit ? WALKED_ON_COMMIT : ALWAYS_WALKED;
    }

    /** Starts fetching {@code ref}, and then the configs it names, without waiting for any of them. */
    public void prefetch(String ref) {
        start(ref);
    }

    @Override
    public ObjectNode fetch(String ref) {
        CompletableFuture<ObjectNode> fetch = start(ref);
        try {
            return fetch.join();
        } catch (CompletionException e) {
            fetches.remove(ref, fetch);
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private CompletableFuture<ObjectNode> start(String ref) {
        CompletableFuture<ObjectNode> fresh = new CompletableFuture<>();
        CompletableFuture<ObjectNode> running = fetches.putIfAbsent(ref, fresh);
        if (running != null) {
            return running;
        }
        try {
            executor.execute(() -> fetchInto(fresh, ref));
        } catch (RuntimeException rejected) {
            fresh.completeExceptionally(rejected);
        }
        return fresh;
    }

    private void fetchInto(CompletableFuture<ObjectNode> fetch, String ref) {
        ObjectNode config;
        try {
            config = source.fetch(ref);
        } catch (RuntimeException | Error e) {
            fetch.completeExceptionally(e);
            return;
        }
        fetch.complete(config);
        namedBy(config).forEach(this::start);
    }

    private List<String> namedBy(ObjectNode config) {
        return namingFields.stream()
                .map(config::get)
                .filter(refs -> refs != null && refs.isArray())
                .flatMap(JsonNode::valueStream)
                .map(PyText::str)
                .toList();
    }
}
