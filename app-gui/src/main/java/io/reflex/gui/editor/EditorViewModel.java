package io.reflex.gui.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ConflictException;
import io.reflex.client.NotFoundException;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.dialog.DialogService;
import io.reflex.gui.dialog.DialogService.Severity;
import io.reflex.gui.objects.Cells;
import io.reflex.gui.objects.FieldSpec;
import io.reflex.gui.objects.JsonText;
import io.reflex.gui.objects.TypeSchema;
import io.reflex.gui.objects.Writes;
import io.reflex.gui.task.TaskExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One object being edited. The JSON text is the single source of truth; the form's fields are views onto it that
 * write back into it. Saves are conditional on the version that was loaded, so a concurrent change is never
 * overwritten silently: it becomes a {@link Conflict} for the user to settle.
 */
public final class EditorViewModel {
    private static final FieldSpec NAME = new FieldSpec("name", FieldSpec.Kind.TEXT, true, java.util.List.of());
    private final ConnectionService connection;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Nothing open");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper problemLine = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasSecret = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Conflict> conflict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ObjectType> type = new ReadOnlyObjectWrapper<>(ObjectType.SERVICE);
    private final Map<String, StringProperty> form = new LinkedHashMap<>();
    private ReflexObject loaded;
    private ReflexObject theirs;
    private Optional<JsonNode> secret = Optional.empty();
    private String cleanText = "";
    private boolean syncing;
    private Consumer<ReflexObject> onSaved = saved -> {};

    public EditorViewModel(ConnectionService connection, TaskExecutor executor, DialogService dialogs) {
        this.connection = connection;
        this.executor = executor;
        this.dialogs = dialogs;
        text.addListener((o, was, now) -> textChanged());
    }

    /** Called after each successful save or delete, so lists can refresh. */
    public void setOnSaved(Consumer<ReflexObject> listener) {
        this.onSaved = listener;
    }

    /** Loads the stored object; unsaved edits of another object are dropped only after the user agrees. */
    public void load(ObjectType objectType, String target) {
        if (!mayDiscard()) {
            return;
        }
        executor.run(() -> connection.getClient().get(objectType, target), object -> show(objectType, object),
                failure -> {
                    connection.reportFailure(failure);
                    dialogs.showFailure("Cannot open " + objectType.path() + " " + target, failure);
                });
    }

    /** Starts a new object from the type's template. */
    public void newObject(ObjectType objectType) {
        if (mayDiscard()) {
            startNew(objectType, JsonText.parseObject(TypeSchema.template(objectType, "new-" + objectType.path())));
        }
    }

    /** Starts a new object from the open one, without the fields the engine sets. */
    public void copy() {
        ObjectNode body = currentBody().orElse(null);
        if (body == null) {
            return;
        }
        TypeSchema.READ_ONLY.forEach(body::remove);
        body.put("name", body.path("name").asText() + "-copy");
        startNew(type.get(), body);
    }

    /** Opens a JSON file as a new, unsaved object. */
    public void importFrom(Path file, ObjectType objectType) {
        if (!mayDiscard()) {
            return;
        }
        try {
            ObjectNode body = JsonText.parseObject(Files.readString(file, StandardCharsets.UTF_8));
            TypeSchema.READ_ONLY.forEach(body::remove);
            startNew(objectType, body);
        } catch (IOException | IllegalArgumentException e) {
            dialogs.showFailure("Cannot import " + file.getFileName(), e);
        }
    }

    /** Writes the open object, secrets included, to a JSON file. */
    public void exportTo(Path file) {
        currentBody().ifPresent(body -> {
            try {
                Files.writeString(file, JsonText.pretty(body), StandardCharsets.UTF_8);
                dialogs.notify(Severity.SUCCESS, "Exported to " + file + ".");
            } catch (IOException e) {
                dialogs.showFailure("Cannot export", e);
            }
        });
    }

    public void save() {
        Optional<ObjectNode> body = currentBody();
        if (body.isEmpty()) {
            return;
        }
        Optional<String> invalid = Validation.problem(type.get(), body.get());
        if (invalid.isPresent()) {
            problem.set(invalid.get());
            problemLine.set(-1);
            dialogs.notify(Severity.ERROR, invalid.get());
            return;
        }
        ObjectType saving = type.get();
        ReflexObject object = ReflexObject.of(body.get());
        ReflexObject base = loaded;
        executor.run(() -> write(saving, object, base), saved -> {
            show(saving, saved);
            dialogs.notify(Severity.SUCCESS, "Saved " + saving.path() + " " + saved.name() + ".");
            onSaved.accept(saved);
        }, failure -> saveFailed(saving, object, failure));
    }

    private ReflexObject write(ObjectType saving, ReflexObject object, ReflexObject base) {
        ReflexClient client = connection.getClient();
        if (base == null) {
            client.create(saving, object);
        } else {
            Writes.update(client, saving, String.valueOf(base.id().orElseThrow()), object, base.version());
        }
        return client.get(saving, object.name());
    }

    private void saveFailed(ObjectType saving, ReflexObject yours, Exception failure) {
        if (failure instanceof ConflictException && loaded != null) {
            executor.run(() -> connection.getClient().get(saving, String.valueOf(loaded.id().orElseThrow())),
                    current -> {
                        theirs = current;
                        conflict.set(new Conflict(display(current.json()), display(yours.json())));
                        dialogs.notify(Severity.WARNING, "Someone else saved this " + saving.path()
                                + " after you opened it; compare both versions and choose.");
                    }, this::failed);
        } else if (failure instanceof NotFoundException && loaded != null) {
            loaded = null;
            title.set("New " + saving.path() + " (deleted on the engine)");
            dialogs.notify(Severity.WARNING, "This " + saving.path()
                    + " was deleted on the engine; your text is kept and Save creates it again.");
        } else {
            failed(failure);
        }
    }

    private void failed(Exception failure) {
        connection.reportFailure(failure);
        dialogs.showFailure("Cannot save", failure);
    }

    /** Settles a conflict by writing the user's version over theirs, knowingly. */
    public void overwrite() {
        if (theirs == null) {
            return;
        }
        loaded = theirs;
        conflict.set(null);
        save();
    }

    /**
     * Settles a conflict by starting again from their version with the user's own changes (the fields the user
     * changed since loading) applied on top; nothing is saved until the user saves again.
     */
    public void reloadAndMerge() {
        Optional<ObjectNode> yours = currentBody();
        if (theirs == null || yours.isEmpty()) {
            return;
        }
        ObjectNode base = loaded.json();
        ObjectNode merged = theirs.json();
        yours.get().properties().forEach(e -> {
            if (!e.getValue().equals(base.get(e.getKey()))) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        base.fieldNames().forEachRemaining(field -> {
            if (!yours.get().has(field) && !TypeSchema.READ_ONLY.contains(field)) {
                merged.remove(field);
            }
        });
        loaded = theirs;
        theirs = null;
        conflict.set(null);
        setText(render(merged));
        dirty.set(true);
        dialogs.notify(Severity.INFO, "Merged your changes into the newest version; check and save.");
    }

    public void cancelConflict() {
        theirs = null;
        conflict.set(null);
    }

    /** Deletes the open object after the user confirmed. */
    public void delete() {
        if (loaded == null) {
            return;
        }
        ObjectType deleting = type.get();
        ReflexObject victim = loaded;
        if (!dialogs.confirm("Delete " + deleting.path() + " " + victim.name() + "? Archived versions stay.",
                "Delete")) {
            return;
        }
        executor.run(() -> connection.getClient().delete(deleting, String.valueOf(victim.id().orElseThrow())),
                result -> {
                    close();
                    dialogs.notify(Severity.SUCCESS, "Deleted " + deleting.path() + " " + victim.name() + ".");
                    onSaved.accept(victim);
                }, failure -> {
                    connection.reportFailure(failure);
                    dialogs.showFailure("Cannot delete " + victim.name(), failure);
                });
    }

    public void reveal() {
        setRevealed(true);
    }

    public void hide() {
        setRevealed(false);
    }

    private void setRevealed(boolean show) {
        Optional<ObjectNode> body = currentBody();
        if (body.isEmpty() || revealed.get() == show) {
            return;
        }
        boolean wasDirty = dirty.get();
        revealed.set(show);
        setText(render(body.get()));
        if (!wasDirty) {
            cleanText = text.get();
            dirty.set(false);
        }
    }

    /** The current {@code KEY=value} text of {@code setenv} or {@code sensitive.parameters}. */
    public String keyValues(String path) {
        return currentBody().map(body -> KeyValueText.format(at(body, path))).orElse("");
    }

    /**
     * Replaces {@code setenv} or {@code sensitive.parameters} with pasted {@code KEY=value} lines. Editing secrets
     * this way reveals them, since the user is looking at them anyway.
     */
    public void applyKeyValues(String path, String lines) {
        Optional<ObjectNode> body = currentBody();
        if (body.isEmpty()) {
            return;
        }
        Map<String, String> values;
        try {
            values = KeyValueText.parse(lines);
        } catch (IllegalArgumentException e) {
            dialogs.notify(Severity.ERROR, e.getMessage());
            return;
        }
        ObjectNode target = body.get();
        String[] parts = path.split("\\.");
        for (String part : Arrays.copyOf(parts, parts.length - 1)) {
            JsonNode child = target.get(part);
            target = child != null && child.isObject() ? (ObjectNode) child : target.putObject(part);
        }
        ObjectNode replaced = target.putObject(parts[parts.length - 1]);
        values.forEach(replaced::put);
        if (path.startsWith(SecretMask.FIELD)) {
            revealed.set(true);
        }
        setText(render(body.get()));
        dialogs.notify(Severity.INFO, values.size() + " values set in " + path + "; save to store them.");
    }

    private static JsonNode at(ObjectNode body, String path) {
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isObject() ? node : JsonText.MAPPER.createObjectNode();
    }

    /** The form's value of a defined field; editing it rewrites that field in the JSON text. */
    public StringProperty formField(String field) {
        return form.computeIfAbsent(field, f -> {
            StringProperty value = new SimpleStringProperty("");
            value.addListener((o, was, now) -> formChanged(f, now));
            return value;
        });
    }

    private void formChanged(String field, String value) {
        if (syncing) {
            return;
        }
        Optional<ObjectNode> body = parseQuietly();
        Optional<FieldSpec> spec = field.equals("name") ? Optional.of(NAME)
                : TypeSchema.fields(type.get()).stream().filter(s -> s.name().equals(field)).findFirst();
        if (body.isEmpty() || spec.isEmpty() || spec.get().kind() == FieldSpec.Kind.OBJECT) {
            return;
        }
        ObjectNode edited = body.get();
        if (spec.get().kind() != FieldSpec.Kind.LIST) {
            if (value.isBlank() && !spec.get().required()) {
                edited.remove(field);
            } else {
                edited.put(field, value);
            }
        } else {
            ArrayNode items = edited.putArray(field);
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        }
        syncing = true;
        try {
            text.set(JsonText.pretty(edited));
        } finally {
            syncing = false;
        }
    }

    private void textChanged() {
        dirty.set(open.get() && !text.get().equals(cleanText));
        Optional<ObjectNode> body = parseQuietly();
        if (body.isEmpty() || syncing) {
            return;
        }
        syncing = true;
        try {
            formField("name").set(body.get().path("name").asText());
            for (FieldSpec spec : TypeSchema.fields(type.get())) {
                JsonNode value = body.get().get(spec.name());
                formField(spec.name()).set(value == null ? "" : Cells.text(value));
            }
        } finally {
            syncing = false;
        }
    }

    private Optional<ObjectNode> parseQuietly() {
        if (!open.get()) {
            return Optional.empty();
        }
        try {
            ObjectNode body = JsonText.parseObject(text.get());
            problem.set("");
            problemLine.set(-1);
            return Optional.of(body);
        } catch (JsonText.JsonProblem e) {
            problem.set(e.getMessage());
            problemLine.set(e.line());
            return Optional.empty();
        }
    }

    /** The body to send: the parsed text with the hidden secret put back, or empty (and a message) if invalid. */
    private Optional<ObjectNode> currentBody() {
        Optional<ObjectNode> parsed = parseQuietly();
        if (parsed.isEmpty() && open.get()) {
            dialogs.notify(Severity.ERROR, "The JSON is not valid. " + problem.get());
        }
        return parsed.map(body -> SecretMask.unmasked(body, secret));
    }

    /** Text for the editor; remembers the secret so a masked text can be saved without losing it. */
    private String render(ObjectNode body) {
        secret = SecretMask.secretOf(body);
        return display(body);
    }

    private String display(ObjectNode body) {
        return JsonText.pretty(revealed.get() ? body : SecretMask.masked(body));
    }

    private void show(ObjectType objectType, ReflexObject object) {
        loaded = object;
        type.set(objectType);
        title.set(objectType.path() + " " + object.name());
        revealed.set(false);
        fillEditor(object.json());
        if (text.get().length() > JsonHighlighter.LIMIT) {
            dialogs.notify(Severity.INFO, "This " + objectType.path() + " is large (" + text.get().length() / 1024
                    + " KB); syntax highlighting is off to keep editing fast.");
        }
    }

    private void startNew(ObjectType objectType, ObjectNode body) {
        loaded = null;
        type.set(objectType);
        title.set("New " + objectType.path());
        revealed.set(true);
        fillEditor(body);
        dirty.set(true);
    }

    private void fillEditor(ObjectNode body) {
        conflict.set(null);
        theirs = null;
        open.set(true);
        setText(render(body));
        hasSecret.set(objectTypeHasSecrets() && secret.isPresent());
        cleanText = text.get();
        dirty.set(false);
    }

    private boolean objectTypeHasSecrets() {
        return type.get() == ObjectType.CONFIG;
    }

    private void setText(String newText) {
        text.set(newText);
    }

    private boolean mayDiscard() {
        return !dirty.get() || dialogs.confirm("Discard your unsaved changes to " + title.get() + "?", "Discard");
    }

    private void close() {
        loaded = null;
        open.set(false);
        title.set("Nothing open");
        text.set("");
        cleanText = "";
        dirty.set(false);
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Why the text cannot be saved as it is; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The 1-based line of a JSON syntax error, or -1. */
    public ReadOnlyIntegerProperty problemLineProperty() {
        return problemLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasSecretProperty() {
        return hasSecret.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Conflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ObjectType> typeProperty() {
        return type.getReadOnlyProperty();
    }

    /** The object as last loaded or saved; null for a new one. */
    public ReflexObject getLoaded() {
        return loaded;
    }
}
