package io.reflex.gui.navigation;

import io.reflex.client.ListQuery;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.dialog.DialogService;
import io.reflex.gui.objects.Cells;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Pipelines, their services and those services' instances, as one tree built from three lists. */
public final class TopologyViewModel {
    private final ConnectionService connection;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<Branch> tree = new ReadOnlyObjectWrapper<>(new Branch(null, "engine", List.of()));

    /** One node of the tree; the root has no type. */
    public record Branch(ObjectType type, String name, List<Branch> children) {
        @Override
        public String toString() {
            return type == null ? name : name + "  (" + type.path() + ")";
        }
    }

    public TopologyViewModel(ConnectionService connection, DialogService dialogs) {
        this.connection = connection;
        this.dialogs = dialogs;
    }

    public void refresh() {
        connection.read(TopologyViewModel::build, tree::set, dialogs, "Cannot read the pipelines");
    }

    private static Branch build(ReflexClient client) {
        Map<String, List<Branch>> instancesByService = group(
                client.list(ListQuery.of(ObjectType.INSTANCE).cols("name", "service")), "service", ObjectType.INSTANCE, Map.of());
        Map<String, List<Branch>> servicesByPipeline = group(
                client.list(ListQuery.of(ObjectType.SERVICE).cols("name", "pipeline")), "pipeline", ObjectType.SERVICE,
                instancesByService);
        List<Branch> pipelines = new ArrayList<>();
        for (ReflexObject pipeline : client.list(ObjectType.PIPELINE)) {
            pipelines.add(new Branch(ObjectType.PIPELINE, pipeline.name(),
                    servicesByPipeline.getOrDefault(pipeline.name(), List.of())));
        }
        return new Branch(null, "pipelines", pipelines);
    }

    private static Map<String, List<Branch>> group(List<ReflexObject> rows, String parentField, ObjectType type,
            Map<String, List<Branch>> children) {
        Map<String, List<Branch>> grouped = new LinkedHashMap<>();
        for (ReflexObject row : rows) {
            String parent = Cells.text(row, parentField);
            int dot = parent.indexOf('.');
            grouped.computeIfAbsent(dot < 0 ? parent : parent.substring(0, dot), p -> new ArrayList<>())
                    .add(new Branch(type, row.name(), children.getOrDefault(row.name(), List.of())));
        }
        return grouped;
    }

    public ReadOnlyObjectProperty<Branch> treeProperty() {
        return tree.getReadOnlyProperty();
    }
}
