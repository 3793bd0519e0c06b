package io.reflex.gui;

import io.reflex.gui.connection.LocalEngineTarget;
import io.reflex.gui.connection.SavedConnections;
import io.reflex.gui.connection.SharedTarget;
import io.reflex.gui.task.VirtualThreadTaskExecutor;
import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop console; it starts on the local engine so a first run needs nothing else. The local engine is shared
 * by every tab that opens it and stops with the app.
 */
public final class ReflexConsoleApp extends Application {
    private Console console;
    private SharedTarget local;

    /** Runs before the window is built: the local engine boots meanwhile, which shortens the start by its boot time. */
    @Override
    public void init() {
        LocalEngineTarget engine = new LocalEngineTarget(LocalEngineTarget.defaultDataDir(System.getenv()));
        engine.startInBackground();
        local = new SharedTarget(engine);
    }

    @Override
    public void start(Stage stage) {
        console = new Console(new VirtualThreadTaskExecutor(), Clock.systemUTC(),
                new SavedConnections(SavedConnections.defaultDirectory(System.getenv())), local);
        console.show(stage, 1280, 800);
        console.model().setRunDemoServices(true);
        Runtime.getRuntime().addShutdownHook(new Thread(console.model().getLocalRuns()::close,
                "reflex-console-stop-runs"));
        console.model().connect(local);
    }

    @Override
    public void stop() {
        if (console != null) {
            console.close();
        }
        if (local != null) {
            local.closeForAll();
        }
    }

    /**
     * Launches through a plain main class: with JavaFX on the class path (not the module path), the JDK refuses to
     * start a main class that itself extends Application.
     */
    public static final class Main {
        private Main() {}

        public static void main(String[] args) {
            Application.launch(ReflexConsoleApp.class, args);
        }
    }
}
