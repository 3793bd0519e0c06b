package io.reflex.gui.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.dialog.DialogService;
import io.reflex.gui.dialog.DialogService.Severity;
import io.reflex.gui.objects.JsonText;
import io.reflex.gui.objects.TypeSchema;
import io.reflex.gui.task.TaskExecutor;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Earlier versions of one object. The engine archives the previous row on every update, so each archived
 * version is compared with the current one, and any of them can be written back as a new update.
 */
public final class HistoryViewModel {
    private final ConnectionService connection;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableList<Version> versions = FXCollections.observableArrayList();
    private final ObjectProperty<Version> selected = new SimpleObjectProperty<>();
    private final ObservableList<LineDiff.Row> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open an object to see its history.");
    private ObjectType type;
    private ReflexObject current;
    private ReflexObject archived;
    private Consumer<ReflexObject> onRestored = restored -> {};

    /** One archived version in the list. */
    public record Version(Instant updatedAt, String updatedBy) {
        private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

        /** Local time, and who wrote it, as the version list shows it. */
        @Override
        public String toString() {
            return TIME.format(updatedAt) + (updatedBy.isEmpty() ? "" : "  ·  key " + updatedBy);
        }
    }

    public HistoryViewModel(ConnectionService connection, TaskExecutor executor, DialogService dialogs) {
        this.connection = connection;
        this.executor = executor;
        this.dialogs = dialogs;
        selected.addListener((o, was, now) -> compare(now));
    }

    public void setOnRestored(Consumer<ReflexObject> listener) {
        this.onRestored = listener;
    }

    /** Lists the archived versions of the object named {@code name}, newest first. */
    public void load(ObjectType objectType, String name) {
        type = objectType;
        current = null;
        archived = null;
        versions.clear();
        diff.clear();
        if (!objectType.archiveQueryable()) {
            status.set("The engine keeps no queryable history of " + TypeSchema.plural(objectType) + ".");
            return;
        }
        executor.run(() -> new Loaded(connection.getClient().get(objectType, name), Archive.versions(connection.getClient(), objectType, name)),
                loaded -> {
                    current = loaded.current();
                    versions.setAll(loaded.versions());
                    status.set(loaded.versions().isEmpty() ? "No earlier versions of " + name + "."
                            : loaded.versions().size() + (loaded.versions().size() == 1 ? " earlier version of " : " earlier versions of ")
                            + name + ".");
                    if (!loaded.versions().isEmpty()) {
                        selected.set(null);
                        selected.set(loaded.versions().getFirst());
                    }
                }, this::failed);
    }

    private record Loaded(ReflexObject current, List<Version> versions) {}

    private void compare(Version version) {
        if (version == null || current == null) {
            diff.clear();
            return;
        }
        String target = current.name();
        executor.run(() -> connection.getClient().getArchived(type, target, version.updatedAt()), old -> {
            archived = old;
            diff.setAll(LineDiff.rows(JsonText.pretty(shown(old)), JsonText.pretty(shown(current))));
        }, this::failed);
    }

    /** Secrets never appear in the history diff; the editor reveals them on request. */
    private static ObjectNode shown(ReflexObject object) {
        ObjectNode json = object.json();
        if (json.has("sensitive")) {
            json.put("sensitive", "••••••");
        }
        return json;
    }

    /** Writes the selected version back as the current one, after the user agreed. */
    public void restore() {
        if (archived == null || current == null) {
            return;
        }
        if (!dialogs.confirm("Restore " + current.name() + " to the version of " + selected.get().updatedAt()
                + "? The current version is archived first.", "Restore")) {
            return;
        }
        ObjectType restoring = type;
        ReflexObject version = archived;
        String target = String.valueOf(current.id().orElseThrow());
        executor.run(() -> Archive.restore(connection.getClient(), restoring, target, version), restored -> {
            dialogs.notify(Severity.SUCCESS, "Restored " + restored.name() + " to the version of "
                    + selected.get().updatedAt() + ".");
            onRestored.accept(restored);
            load(restoring, restored.name());
        }, this::failed);
    }

    private void failed(Exception failure) {
        connection.reportFailure(failure);
        dialogs.showFailure("Cannot read the history", failure);
    }

    /** The type last loaded; services before anything was. */
    public ObjectType typeOrDefault() {
        return type == null ? ObjectType.SERVICE : type;
    }

    public ObservableList<Version> getVersions() {
        return versions;
    }

    public ObjectProperty<Version> selectedProperty() {
        return selected;
    }

    public ObservableList<LineDiff.Row> getDiff() {
        return diff;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
