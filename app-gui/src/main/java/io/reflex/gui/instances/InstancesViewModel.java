package io.reflex.gui.instances;

import io.reflex.client.ListQuery;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexException;
import io.reflex.client.ReflexObject;
import io.reflex.client.WatchAction;
import io.reflex.client.WatchEvent;
import io.reflex.client.WatchListener;
import io.reflex.client.WatchRequest;
import io.reflex.client.WatchSubscription;
import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.dialog.DialogService;
import io.reflex.gui.task.TaskExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The live instance table. The watch feed is asked to carry each changed instance, so a heartbeat costs no request
 * of its own: on a small machine a GET per heartbeat took the engine and the HTTP client more CPU than the FX thread
 * had left. Changes are collected and applied in batches at most every 100 ms, and each batch reaches the FX thread
 * as one update: ten thousand pinging instances cost ten small list changes a second, not ten thousand. Instances
 * an event arrives without (engines whose feed cannot carry them, polling the original engine) are fetched, or
 * everything is re-listed when there are too many of them.
 */
public final class InstancesViewModel implements AutoCloseable {
    private static final long BATCH_MILLIS = 100;
    /**
     * Above this many instances to fetch in one batch (or a twentieth of all instances, if more), listing everything
     * is cheaper than fetching each.
     */
    private static final int RELIST_ABOVE = 200;
    /** Changed instances are fetched this many at a time, so a busy second's changes arrive within the batch. */
    private static final int PARALLEL_FETCHES = 16;
    private static final int SAMPLES_KEPT = 60;
    private static final List<String> COLS = List.of("name", "service", "status", "address", "lifecycle", "updated_at");

    private final ConnectionService connection;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private final ObservableList<InstanceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<StateSample> samples = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Map<Long, Integer> indexById = new HashMap<>();
    private StateTally tally = new StateTally();
    private volatile int rowCount;
    /** The latest event of each changed instance since the last batch, by id (by name when the event has none). */
    private final Map<String, WatchEvent> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService batcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("reflex-console-instances").factory());
    private final ObjectProperty<InstanceRow> selected = new SimpleObjectProperty<>();
    private WatchSubscription subscription;
    /** The client whose feed the rows follow, once listed and subscribed; null before and after. */
    private ReflexClient following;

    /** Counts of instances per lifecycle state at one moment, for the chart. */
    public record StateSample(Instant at, Map<String, Integer> counts) {}

    public InstancesViewModel(ConnectionService connection, TaskExecutor executor, DialogService dialogs, Clock clock) {
        this.connection = connection;
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = clock;
        batcher.scheduleWithFixedDelay(this::flush, BATCH_MILLIS, BATCH_MILLIS, TimeUnit.MILLISECONDS);
        rows.addListener(this::follow);
    }

    /** Keeps the tally in step with the rows, in the one place every change to them passes. */
    private void follow(ListChangeListener.Change<? extends InstanceRow> change) {
        while (change.next()) {
            change.getRemoved().forEach(tally::remove);
            change.getAddedSubList().forEach(tally::add);
        }
    }

    /** Lists all instances and follows the watch feed from then on; called again after each reconnect and on F5. */
    public void start() {
        ReflexClient client = connection.getClient();
        if (client == null) {
            return;
        }
        stopWatching();
        executor.run(() -> listAll(client), all -> {
            replaceAll(all);
            subscription = client.watch(WatchRequest.all().types(ObjectType.INSTANCE).objects(true), new Listener());
            following = client;
        }, failure -> {
            connection.reportFailure(failure);
            dialogs.showFailure("Cannot list instances", failure);
        });
    }

    /**
     * Opening the view. The rows go on following the feed while other views are shown, so they are listed again only
     * when they follow no feed yet or another connection's: with 50,000 instances a list is a 15 MB answer and
     * 50,000 new rows, for nothing the feed has not already brought.
     */
    public void show() {
        ReflexClient client = connection.getClient();
        if (client != null && client != following) {
            start();
        }
    }

    /**
     * Every instance as a row; blocks on the engine, so it runs on a task thread. Each instance becomes its row as
     * the answer is read, so only the rows outlive the call: with 50,000 instances held as objects until the end,
     * a young collection during the list copied them all.
     */
    public static List<InstanceRow> listAll(ReflexClient client) {
        List<InstanceRow> rows = new ArrayList<>();
        client.list(ListQuery.of(ObjectType.INSTANCE).cols(COLS), instance -> rows.add(InstanceRow.of(instance)));
        return rows;
    }

    private final class Listener implements WatchListener {
        @Override
        public void onEvent(WatchEvent event) {
            pending.put(event.id() > 0 ? String.valueOf(event.id()) : event.name(), event);
        }

        @Override
        public void onFailure(ReflexException failure, boolean retrying) {
            Platform.runLater(() -> connection.reportFailure(failure));
        }
    }

    private void flush() {
        ReflexClient client = connection.getClient();
        if (pending.isEmpty() || client == null) {
            return;
        }
        Map<String, WatchEvent> batch = new LinkedHashMap<>();
        pending.keySet().forEach(key -> batch.put(key, pending.remove(key)));
        List<InstanceRow> changed = new ArrayList<>();
        Set<String> gone = new HashSet<>();
        Set<String> unfetched = new LinkedHashSet<>();
        batch.forEach((key, event) -> {
            if (event.action() == WatchAction.DELETE) {
                gone.add(key);
            } else {
                event.object().ifPresentOrElse(o -> changed.add(InstanceRow.of(o)), () -> unfetched.add(key));
            }
        });
        try {
            if (unfetched.size() > Math.max(RELIST_ABOVE, rowCount / 20)) {
                List<InstanceRow> all = listAll(client);
                Platform.runLater(() -> merge(all));
                return;
            }
            fetch(client, unfetched).forEach((key, instance) -> instance.ifPresentOrElse(
                    o -> changed.add(InstanceRow.of(o)), () -> gone.add(key)));
            Platform.runLater(() -> apply(changed, gone));
        } catch (ReflexException | IllegalStateException e) {
            batch.forEach(pending::putIfAbsent);
        }
    }

    /** The current version of each instance, empty for ones deleted since; fetched concurrently. */
    private static Map<String, Optional<ReflexObject>> fetch(ReflexClient client, Set<String> keys) {
        Map<String, Future<Optional<ReflexObject>>> calls = new LinkedHashMap<>();
        Semaphore slots = new Semaphore(PARALLEL_FETCHES);
        try (ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor()) {
            keys.forEach(key -> calls.put(key, fetchers.submit(() -> {
                slots.acquire();
                try {
                    return client.find(ObjectType.INSTANCE, key);
                } finally {
                    slots.release();
                }
            })));
        }
        Map<String, Optional<ReflexObject>> found = new LinkedHashMap<>();
        calls.forEach((key, call) -> {
            if (call.state() == Future.State.FAILED) {
                throw call.exceptionNow() instanceof ReflexException failure ? failure
                        : new IllegalStateException("Cannot fetch instance " + key, call.exceptionNow());
            }
            found.put(key, call.resultNow());
        });
        return found;
    }

    private void replaceAll(List<InstanceRow> all) {
        rows.setAll(all);
        reindex();
        sample();
    }

    /**
     * Applies a full re-list as changes: rows that differ are replaced, so the table keeps its scroll position and
     * selection, and the FX thread touches a few rows instead of rebuilding tens of thousands.
     */
    private void merge(List<InstanceRow> all) {
        Set<String> listed = new HashSet<>();
        all.forEach(row -> listed.add(String.valueOf(row.id())));
        Set<String> gone = new HashSet<>();
        rows.forEach(row -> {
            if (!listed.contains(String.valueOf(row.id()))) {
                gone.add(String.valueOf(row.id()));
            }
        });
        apply(all, gone);
    }

    private void apply(List<InstanceRow> changed, Set<String> gone) {
        List<InstanceRow> added = new ArrayList<>();
        for (InstanceRow row : changed) {
            Integer index = indexById.get(row.id());
            if (index == null) {
                added.add(row);
            } else if (!rows.get(index).equals(row)) {
                rows.set(index, row);
            }
        }
        if (!gone.isEmpty()) {
            rows.removeIf(row -> gone.contains(String.valueOf(row.id())) || gone.contains(row.name()));
        }
        rows.addAll(added);
        if (!gone.isEmpty() || !added.isEmpty()) {
            reindex();
        }
        sample();
    }

    private void reindex() {
        indexById.clear();
        for (int i = 0; i < rows.size(); i++) {
            indexById.put(rows.get(i).id(), i);
        }
        rowCount = rows.size();
    }

    /**
     * Records the current count per state; samples closer than a second apart replace each other. The view calls
     * it every second too, so the chart moves on while nothing changes.
     */
    public void sample() {
        Instant now = clock.instant();
        if (tally.movedBack(now)) {
            tally = new StateTally();
            rows.forEach(tally::add);
        }
        int stale = tally.staleAt(now);
        StateSample sample = new StateSample(now, tally.counts());
        if (!samples.isEmpty() && samples.getLast().at().plusSeconds(1).isAfter(now)) {
            samples.set(samples.size() - 1, sample);
        } else {
            samples.add(sample);
        }
        if (samples.size() > SAMPLES_KEPT) {
            samples.remove(0, samples.size() - SAMPLES_KEPT);
        }
        summary.set(rows.size() + " instances" + (stale == 0 ? "" : ", " + stale + " stale (no heartbeat for 3 intervals)"));
    }

    public Instant now() {
        return clock.instant();
    }

    public ObservableList<InstanceRow> getRows() {
        return rows;
    }

    public ObservableList<StateSample> getSamples() {
        return samples;
    }

    /** The row chosen in the table; a redeploy of one instance acts on it. */
    public ObjectProperty<InstanceRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void stopWatching() {
        following = null;
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public void close() {
        stopWatching();
        batcher.shutdownNow();
    }
}
