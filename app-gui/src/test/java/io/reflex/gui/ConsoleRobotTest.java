package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.client.ReflexClient;
import io.reflex.gui.connection.ConnectionState;
import io.reflex.gui.connection.ProfileTarget;
import io.reflex.gui.connection.SavedConnections;
import io.reflex.gui.demo.DemoData;
import io.reflex.gui.task.CallingThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;
import org.fxmisc.richtext.CodeArea;

/**
 * A console in a real window, connected to a real engine in this process that holds the demo data. Engine calls run
 * on the FX thread (the calling-thread executor), so after a click the outcome is already on screen.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class ConsoleRobotTest extends ApplicationTest {
    protected LocalEngine engine;
    protected ReflexClient client;
    protected Console console;
    private Path temp;

    @Override
    public void start(Stage stage) throws Exception {
        temp = Files.createTempDirectory("reflex-console-test");
        engine = new LocalEngine(temp.resolve("engine"));
        client = engine.client();
        DemoData.load(client);
        prepare(client);
        console = new Console(new CallingThreadTaskExecutor(), Clock.systemUTC(),
                new SavedConnections(configDir()), new ProfileTarget("local", engine.url(), engine.apikey()));
        console.show(stage, windowWidth(), 760);
        console.model().connect(new ProfileTarget("test engine", engine.url(), engine.apikey()));
        assertThat(console.model().getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
    }

    /** Where this test's console keeps saved connections. */
    protected Path configDir() {
        return temp.resolve("config");
    }

    /** Fits the headless platform's 1000 x 1000 screen; screenshots use a wider window. */
    protected double windowWidth() {
        return 1000;
    }

    /** Objects a test needs before the console connects. */
    protected void prepare(ReflexClient engineClient) {}

    @AfterEach
    public void stopAll() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.close()).get();
        engine.close();
    }

    protected String text(String query) {
        Node node = lookup(query).query();
        return switch (node) {
            case Labeled labeled -> labeled.getText();
            case javafx.scene.control.TextInputControl input -> input.getText();
            case CodeArea code -> code.getText();
            default -> throw new AssertionError("No text in " + node);
        };
    }

    /**
     * Clicks into a text field and puts {@code value} in it at once, as a paste would; typing key by key costs a
     * third of a second per character on the headless platform.
     */
    protected void fill(String query, String value) {
        clickOn(query);
        javafx.scene.control.TextInputControl input = lookup(query).queryTextInputControl();
        interact(() -> input.setText(value));
    }

    protected static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> condition.getAsBoolean());
    }

    /**
     * For what real launchers do: each starts a JVM, which starts the app's JVM and waits until it is healthy; on
     * a loaded 2-core machine that can take a minute.
     */
    protected static void waitForLaunchersUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(150, TimeUnit.SECONDS, () -> condition.getAsBoolean());
    }
}
