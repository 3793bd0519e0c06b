package io.reflex.gui;

import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.connection.ConnectionTarget;
import io.reflex.gui.connection.ConnectionView;
import io.reflex.gui.connection.SavedConnections;
import io.reflex.gui.dialog.FxDialogService;
import io.reflex.gui.engines.EngineTab;
import io.reflex.gui.engines.EngineTabs;
import io.reflex.gui.task.TaskExecutor;
import java.time.Clock;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console assembled: services, view models and views, one set per engine tab. The app and the robot tests build
 * it the same way and differ only in the task executor and the first connection.
 */
public final class Console implements AutoCloseable {
    private final TaskExecutor executor;
    private final Clock clock;
    private final ConnectionView connectionView;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final EngineTabs tabs;
    private Stage stage;

    public Console(TaskExecutor executor, Clock clock, SavedConnections saved, ConnectionTarget local) {
        CompilerPriority.lowerOptimisingCompiler();
        this.executor = executor;
        this.clock = clock;
        this.connectionView = new ConnectionView(saved, local);
        tabs = new EngineTabs(this::newEngine, connectionView);
    }

    /** A tab's parts; every tab follows the one light/dark switch. */
    private EngineTab newEngine() {
        FxDialogService dialogs = new FxDialogService();
        dialogs.setOwner(stage);
        MainViewModel model = new MainViewModel(new ConnectionService(executor), executor, dialogs, clock);
        model.darkProperty().bindBidirectional(dark);
        return new EngineTab(model, new MainView(model, dialogs, connectionView), dialogs);
    }

    /** Shows the console in {@code stage}. */
    public void show(Stage stage, double width, double height) {
        this.stage = stage;
        Scene scene = new Scene(tabs.root(), width, height);
        tabs.all().forEach(tab -> tab.dialogs().setOwner(stage));
        stage.setTitle("Reflex Console");
        stage.getIcons().setAll(AppIcon.sizes());
        stage.setScene(scene);
        tabs.installShortcuts();
        stage.show();
    }

    /** The selected engine's model. */
    public MainViewModel model() {
        return tabs.selected().model();
    }

    /** The selected engine's view. */
    public MainView view() {
        return tabs.selected().view();
    }

    public EngineTabs tabs() {
        return tabs;
    }

    @Override
    public void close() {
        tabs.close();
    }
}
