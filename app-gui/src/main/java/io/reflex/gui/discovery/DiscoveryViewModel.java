package io.reflex.gui.discovery;

import io.reflex.client.ListQuery;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.dialog.DialogService;
import io.reflex.gui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The discovery graph of the connected engine, read in the background and resolved by {@link LinkResolver}. */
public final class DiscoveryViewModel {
    private final ConnectionService connection;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<DiscoveryGraph> graph = new ReadOnlyObjectWrapper<>(DiscoveryGraph.EMPTY);

    public DiscoveryViewModel(ConnectionService connection, TaskExecutor executor, DialogService dialogs) {
        this.connection = connection;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    public void refresh() {
        ReflexClient client = connection.getClient();
        if (client == null) {
            return;
        }
        executor.run(() -> LinkResolver.resolve(
                client.list(ListQuery.of(ObjectType.SERVICE).cols(LinkResolver.SERVICE_FIELDS)),
                client.list(ListQuery.of(ObjectType.INSTANCE).cols(LinkResolver.INSTANCE_FIELDS))),
                graph::set, failure -> {
                    connection.reportFailure(failure);
                    dialogs.showFailure("Cannot read the services and their links", failure);
                });
    }

    public ReadOnlyObjectProperty<DiscoveryGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }
}
