package io.reflex.gui;

import io.reflex.client.ObjectType;
import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.connection.ConnectionTarget;
import io.reflex.gui.demo.DemoData;
import io.reflex.gui.discovery.DiscoveryViewModel;
import io.reflex.gui.dialog.DialogService;
import io.reflex.gui.dialog.DialogService.Severity;
import io.reflex.gui.editor.EditorViewModel;
import io.reflex.gui.effective.EffectiveConfigViewModel;
import io.reflex.gui.history.HistoryViewModel;
import io.reflex.gui.instances.InstanceRow;
import io.reflex.gui.instances.InstancesViewModel;
import io.reflex.gui.localrun.LauncherCommand;
import io.reflex.gui.localrun.LocalRunsViewModel;
import io.reflex.gui.navigation.Location;
import io.reflex.gui.navigation.NavigationHistory;
import io.reflex.gui.navigation.ObjectListViewModel;
import io.reflex.gui.navigation.SidebarItem;
import io.reflex.gui.navigation.TopologyViewModel;
import io.reflex.gui.redeploy.RedeployViewModel;
import io.reflex.gui.search.SearchViewModel;
import io.reflex.gui.task.TaskExecutor;
import java.time.Clock;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The window's state: which section is shown, which object is open, and the feature view models. It wires the
 * features together (a save refreshes the list, a reconnect reloads what is shown) so they stay unaware of each
 * other.
 */
public final class MainViewModel implements AutoCloseable {
    private final ConnectionService connection;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObjectListViewModel list;
    private final EditorViewModel editor;
    private final HistoryViewModel history;
    private final EffectiveConfigViewModel effective;
    private final InstancesViewModel instances;
    private final TopologyViewModel topology;
    private final SearchViewModel search;
    private final DiscoveryViewModel discovery;
    private final LocalRunsViewModel localRuns;
    private final RedeployViewModel redeploy;
    private boolean runDemoServices;
    private final NavigationHistory navigation = new NavigationHistory();
    private final ObjectProperty<SidebarItem> section = new SimpleObjectProperty<>(SidebarItem.browse(ObjectType.SERVICE));
    private final BooleanProperty dark = new SimpleBooleanProperty();

    public MainViewModel(ConnectionService connection, TaskExecutor executor, DialogService dialogs, Clock clock) {
        this.connection = connection;
        this.executor = executor;
        this.dialogs = dialogs;
        list = new ObjectListViewModel(connection, executor, dialogs);
        editor = new EditorViewModel(connection, executor, dialogs);
        history = new HistoryViewModel(connection, executor, dialogs);
        effective = new EffectiveConfigViewModel(connection, executor);
        instances = new InstancesViewModel(connection, executor, dialogs, clock);
        topology = new TopologyViewModel(connection, dialogs);
        search = new SearchViewModel(connection, executor, dialogs);
        discovery = new DiscoveryViewModel(connection, dialogs);
        LauncherCommand launcher = LauncherCommand.ofThisConsole();
        localRuns = new LocalRunsViewModel(connection, executor, dialogs, launcher);
        redeploy = new RedeployViewModel(connection, executor, dialogs, instances, launcher, clock);
        editor.setOnSaved(saved -> {
            list.refresh();
            if (editor.getLoaded() != null) {
                Location location = new Location(editor.typeProperty().get(), saved.name());
                navigation.visit(location);
                showDetails(location);
            }
        });
        history.setOnRestored(restored -> {
            list.refresh();
            editor.load(history.typeOrDefault(), restored.name());
        });
        section.addListener((o, was, now) -> showSection(now, false));
        connection.sessionProperty().addListener((o, was, now) -> reload());
    }

    /** Connects; a new local engine first gets the demo data, so the first screen is not empty. */
    public void connect(ConnectionTarget target) {
        connection.connect(target, opened -> {
            if (opened.newEngine()) {
                executor.run(() -> {
                    DemoData.load(opened.client());
                    return true;
                }, done -> {
                    dialogs.notify(Severity.INFO, "A new local engine was created and filled with demo data.");
                    reload();
                    if (runDemoServices) {
                        DemoData.RUN_HERE.forEach(service -> localRuns.runWithProxy(service, LocalRunsViewModel.freePort()));
                        section.set(SidebarItem.liveInstances());
                    }
                }, failure -> dialogs.showFailure("Cannot load the demo data", failure));
            }
        });
    }

    /**
     * Whether a new local engine's demo web services are also started here through the embedded launcher (the app
     * does; robot tests start what they need themselves).
     */
    public void setRunDemoServices(boolean run) {
        runDemoServices = run;
    }

    /**
     * Ctrl+R: redeploys the service of the selected live instance, else the open service, after the confirmation;
     * the live instances are shown so the progress can be followed.
     */
    public void redeployCurrent() {
        InstanceRow row = instances.selectedProperty().get();
        if (section.get().kind() == SidebarItem.Kind.LIVE_INSTANCES && row != null) {
            redeploy.redeployService(row.service());
        } else if (editor.typeProperty().get() == ObjectType.SERVICE && editor.getLoaded() != null) {
            String service = editor.getLoaded().name();
            section.set(SidebarItem.liveInstances());
            redeploy.redeployService(service);
        } else {
            dialogs.notify(Severity.INFO, "Open a service or select a live instance to redeploy it (Ctrl+R).");
        }
    }

    /** Opens an object: selects its type in the sidebar, loads the editor, its history and, for a service, launch's view. */
    public void open(ObjectType type, String name) {
        Location location = new Location(type, name);
        navigation.visit(location);
        show(location);
    }

    public void back() {
        navigation.back().ifPresent(this::show);
    }

    public void forward() {
        navigation.forward().ifPresent(this::show);
    }

    private void show(Location location) {
        if (section.get().kind() != SidebarItem.Kind.BROWSE || section.get().type() != location.type()) {
            section.set(SidebarItem.browse(location.type()));
        }
        editor.load(location.type(), location.name());
        showDetails(location);
    }

    private void showDetails(Location location) {
        history.load(location.type(), location.name());
        if (location.type() == ObjectType.SERVICE) {
            effective.load(location.name());
        }
    }

    /** F5: lists again and reloads the open object's history; unsaved edits in the editor stay. */
    public void refresh() {
        reload();
    }

    private void reload() {
        showSection(section.get(), true);
        navigation.current().ifPresent(this::showDetails);
    }

    /** @param reload F5 or a new session: also what keeps itself current (the live instances) is read again */
    private void showSection(SidebarItem item, boolean reload) {
        switch (item.kind()) {
            case BROWSE -> {
                if (list.typeProperty().get() == item.type()) {
                    list.refresh();
                } else {
                    list.typeProperty().set(item.type());
                }
            }
            case LIVE_INSTANCES -> {
                if (reload) {
                    instances.start();
                } else {
                    instances.show();
                }
            }
            case TOPOLOGY -> topology.refresh();
            case DISCOVERY -> discovery.refresh();
            case LOCAL_RUNS -> { }
        }
    }

    public ObjectProperty<SidebarItem> sectionProperty() {
        return section;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public NavigationHistory getNavigation() {
        return navigation;
    }

    public ConnectionService getConnection() {
        return connection;
    }

    public TaskExecutor getExecutor() {
        return executor;
    }

    public ObjectListViewModel getList() {
        return list;
    }

    public EditorViewModel getEditor() {
        return editor;
    }

    public HistoryViewModel getHistory() {
        return history;
    }

    public EffectiveConfigViewModel getEffective() {
        return effective;
    }

    public InstancesViewModel getInstances() {
        return instances;
    }

    public TopologyViewModel getTopology() {
        return topology;
    }

    public SearchViewModel getSearch() {
        return search;
    }

    public DiscoveryViewModel getDiscovery() {
        return discovery;
    }

    public LocalRunsViewModel getLocalRuns() {
        return localRuns;
    }

    public RedeployViewModel getRedeploy() {
        return redeploy;
    }

    @Override
    public void close() {
        localRuns.close();
        instances.close();
        connection.close();
    }
}
