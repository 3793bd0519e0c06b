package io.reflex.gui;

import io.reflex.gui.connection.LocalEngineTarget;
import io.reflex.gui.connection.SavedConnections;
import io.reflex.gui.task.VirtualThreadTaskExecutor;
import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop console; it starts on the local engine so a first run needs nothing else. */
public final class ReflexConsoleApp extends Application {
    private Console console;

    @Override
    public void start(Stage stage) {
        LocalEngineTarget local = new LocalEngineTarget(LocalEngineTarget.defaultDataDir(System.getenv()));
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
