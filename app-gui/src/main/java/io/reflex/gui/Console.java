package io.reflex.gui;

import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.connection.ConnectionTarget;
import io.reflex.gui.connection.ConnectionView;
import io.reflex.gui.connection.SavedConnections;
import io.reflex.gui.dialog.FxDialogService;
import io.reflex.gui.task.TaskExecutor;
import java.time.Clock;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console assembled: services, view models and views. The app and the robot tests build it the same way and
 * differ only in the task executor and the first connection.
 */
public final class Console implements AutoCloseable {
    private final MainViewModel model;
    private final MainView view;
    private final FxDialogService dialogs = new FxDialogService();

    public Console(TaskExecutor executor, Clock clock, SavedConnections saved, ConnectionTarget local) {
        model = new MainViewModel(new ConnectionService(executor), executor, dialogs, clock);
        view = new MainView(model, dialogs, new ConnectionView(saved, local));
    }

    /** Shows the console in {@code stage}. */
    public void show(Stage stage, double width, double height) {
        Scene scene = new Scene(view.root(), width, height);
        view.install(scene);
        dialogs.setOwner(stage);
        stage.setTitle("Reflex Console");
        stage.setScene(scene);
        stage.show();
    }

    public MainViewModel model() {
        return model;
    }

    public MainView view() {
        return view;
    }

    @Override
    public void close() {
        model.close();
    }
}
