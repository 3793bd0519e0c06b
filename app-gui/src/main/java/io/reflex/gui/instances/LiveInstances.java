package io.reflex.gui.instances;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The live table's items, one {@link LiveInstance} per instance, kept in step with the view model's rows by instance
 * id. A changed instance changes its item in place; only instances that come or go change the list. The table may
 * sort these items as it likes, since they are found by id, not by position.
 */
final class LiveInstances {
    private final ObservableList<LiveInstance> items = FXCollections.observableArrayList();
    private final Map<Long, LiveInstance> byId = new HashMap<>();

    LiveInstances(ObservableList<InstanceRow> rows) {
        show(rows, List.of());
        rows.addListener(this::follow);
    }

    ObservableList<LiveInstance> items() {
        return items;
    }

    private void follow(ListChangeListener.Change<? extends InstanceRow> change) {
        List<InstanceRow> added = new ArrayList<>();
        List<InstanceRow> removed = new ArrayList<>();
        while (change.next()) {
            removed.addAll(change.getRemoved());
            added.addAll(change.getAddedSubList());
        }
        show(added, removed);
    }

    private void show(List<? extends InstanceRow> added, List<? extends InstanceRow> removed) {
        Map<Long, InstanceRow> current = new LinkedHashMap<>();
        added.forEach(row -> current.put(row.id(), row));
        Set<Long> gone = new HashSet<>();
        removed.forEach(row -> {
            if (!current.containsKey(row.id())) {
                gone.add(row.id());
            }
        });
        List<LiveInstance> arrived = new ArrayList<>();
        current.forEach((id, row) -> {
            LiveInstance item = byId.get(id);
            if (item == null) {
                item = new LiveInstance(row);
                byId.put(id, item);
                arrived.add(item);
            } else {
                item.set(row);
            }
        });
        if (!gone.isEmpty()) {
            gone.forEach(byId::remove);
            items.removeIf(item -> gone.contains(item.get().id()));
        }
        items.addAll(arrived);
    }
}
