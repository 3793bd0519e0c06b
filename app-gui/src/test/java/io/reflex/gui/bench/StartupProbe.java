package io.reflex.gui.bench;

import io.reflex.gui.ReflexConsoleApp;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

/**
 * Starts the real app (local engine from {@code XDG_DATA_HOME}) and prints the wall-clock millisecond of the first
 * frame in which it is connected and the services table is filled: the moment a user can work.
 */
public final class StartupProbe extends Application {
    private final ReflexConsoleApp app = new ReflexConsoleApp();

    @Override
    public void init() {
        app.init();
    }

    @Override
    public void start(Stage stage) {
        app.start(stage);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (text(stage, "#connection-status").startsWith("Connected")
                        && !text(stage, "#object-count").isEmpty()) {
                    System.out.println("interactive-at " + System.currentTimeMillis());
                    System.out.println("services-shown " + text(stage, "#object-count"));
                    System.out.println("cpu-ms " + ProcessHandle.current().info().totalCpuDuration()
                            .map(java.time.Duration::toMillis).orElse(-1L));
                    stop();
                    Platform.exit();
                }
            }
        }.start();
    }

    private static String text(Stage stage, String id) {
        return stage.getScene().lookup(id) instanceof Labeled label && label.getText() != null ? label.getText() : "";
    }

    @Override
    public void stop() {
        app.stop();
    }
}
