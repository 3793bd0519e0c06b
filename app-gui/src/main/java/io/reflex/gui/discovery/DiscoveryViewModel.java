package io.reflex.gui.discovery;

import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.dialog.DialogService;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The discovery graph of the connected engine, read in the background and resolved by {@link LinkResolver}. */
public final class DiscoveryViewModel {
    private final ConnectionService connection;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<DiscoveryGraph> graph = new ReadOnlyObjectWrapper<>(DiscoveryGraph.EMPTY);

    public DiscoveryViewModel(ConnectionService connection, DialogService dialogs) {
        this.connection = connection;
        this.dialogs = dialogs;
    }

    public void refresh() {
        connection.read(LinkResolver::resolve, graph::set, dialogs, "Cannot read the services and their links");
    }

    public ReadOnlyObjectProperty<DiscoveryGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }
}
