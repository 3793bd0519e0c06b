package io.reflex.gui.search;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.dialog.DialogService;
import io.reflex.gui.objects.TypeSchema;
import io.reflex.gui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Ctrl+K: every object name of every type, narrowed as the user types. Names are listed once when the search
 * opens, so typing filters locally and stays instant even with thousands of objects.
 */
public final class SearchViewModel {
    private final ConnectionService connection;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableList<Hit> all = FXCollections.observableArrayList();
    private final FilteredList<Hit> hits = new FilteredList<>(all);
    private final StringProperty query = new SimpleStringProperty("");

    /** One search result. */
    public record Hit(ObjectType type, String name) {
        @Override
        public String toString() {
            return name + "   ·  " + type.path();
        }
    }

    public SearchViewModel(ConnectionService connection, TaskExecutor executor, DialogService dialogs) {
        this.connection = connection;
        this.executor = executor;
        this.dialogs = dialogs;
        query.addListener((o, was, now) -> {
            String wanted = now.strip().toLowerCase(Locale.ROOT);
            hits.setPredicate(hit -> hit.name().toLowerCase(Locale.ROOT).contains(wanted));
        });
    }

    /** Lists the names of all types; the results fill in when the engine answered. */
    public void open() {
        query.set("");
        ReflexClient client = connection.getClient();
        if (client == null) {
            return;
        }
        executor.run(() -> {
            List<Hit> found = new ArrayList<>();
            for (ObjectType type : ObjectType.values()) {
                client.list(type).forEach(o -> found.add(new Hit(type, o.name())));
            }
            return found;
        }, all::setAll, failure -> {
            connection.reportFailure(failure);
            dialogs.showFailure("Cannot search " + TypeSchema.plural(ObjectType.SERVICE), failure);
        });
    }

    public ObservableList<Hit> getHits() {
        return hits;
    }

    public StringProperty queryProperty() {
        return query;
    }
}
