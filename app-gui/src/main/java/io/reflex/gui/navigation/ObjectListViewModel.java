package io.reflex.gui.navigation;

import io.reflex.client.ListQuery;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.dialog.DialogService;
import io.reflex.gui.objects.TypeSchema;
import io.reflex.gui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/** The objects of one type as the browse table shows them, with its glob and expression filters. */
public final class ObjectListViewModel {
    private final ConnectionService connection;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObjectProperty<ObjectType> type = new SimpleObjectProperty<>(ObjectType.SERVICE);
    private final ObservableList<ReflexObject> all = FXCollections.observableArrayList();
    /**
     * Sorted beneath the filter: a keystroke then only re-filters an already sorted list, instead of re-sorting
     * every row that passes, which with ten thousand rows cost more than the filter itself.
     */
    private final SortedList<ReflexObject> sorted = new SortedList<>(all);
    private final FilteredList<ReflexObject> shown = new FilteredList<>(sorted);
    private final StringProperty glob = new SimpleStringProperty("");
    private final StringProperty expression = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");

    public ObjectListViewModel(ConnectionService connection, TaskExecutor executor, DialogService dialogs) {
        this.connection = connection;
        this.executor = executor;
        this.dialogs = dialogs;
        glob.addListener((o, was, now) -> applyFilter());
        expression.addListener((o, was, now) -> applyFilter());
        type.addListener((o, was, now) -> refresh());
        shown.predicateProperty().addListener((o, was, now) -> updateCount());
        all.addListener((javafx.collections.ListChangeListener<ReflexObject>) c -> updateCount());
    }

    /** Lists the current type again from the engine. */
    public void refresh() {
        if (connection.getClient() == null) {
            return;
        }
        ObjectType listing = type.get();
        List<String> cols = new ArrayList<>(List.of("name", "updated_at"));
        cols.addAll(TypeSchema.columns(listing));
        executor.run(() -> connection.getClient().list(ListQuery.of(listing).cols(cols)), rows -> {
            if (listing == type.get()) {
                all.setAll(rows);
            }
        }, failure -> {
            connection.reportFailure(failure);
            dialogs.showFailure("Cannot list " + TypeSchema.plural(listing), failure);
        });
    }

    private void applyFilter() {
        Predicate<ReflexObject> byName = RowFilter.glob(glob.get());
        try {
            shown.setPredicate(byName.and(RowFilter.expression(expression.get())));
            filterProblem.set("");
        } catch (IllegalArgumentException e) {
            shown.setPredicate(byName);
            filterProblem.set(e.getMessage());
        }
    }

    private void updateCount() {
        String noun = TypeSchema.plural(type.get());
        count.set(shown.size() == all.size() ? all.size() + " " + noun : shown.size() + " of " + all.size() + " " + noun);
    }

    public ObjectProperty<ObjectType> typeProperty() {
        return type;
    }

    /** The table binds its column sort here. */
    public ObjectProperty<Comparator<? super ReflexObject>> comparatorProperty() {
        return sorted.comparatorProperty();
    }

    public ObservableList<ReflexObject> getShown() {
        return shown;
    }

    public StringProperty globProperty() {
        return glob;
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    /** Why the expression filter is ignored; empty when it parses. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }
}
