package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.gui.connection.ConnectionState;
import io.reflex.gui.connection.LocalEngineTarget;
import io.reflex.gui.connection.SavedConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConnectionsTest extends ConsoleRobotTest {

    @Test
    void aNewLocalEngineStartsInProcessWithDemoDataAndReopensWithoutIt() throws Exception {
        Path dataDir = Files.createTempDirectory("console-engine");
        LocalEngineTarget local = new LocalEngineTarget(dataDir);
        interact(() -> console.model().connect(local));
        assertThat(text("#connection-status")).startsWith("Connected · Local engine");
        assertThat(text("#notification-text")).isEqualTo("A new local engine was created and filled with demo data.");
        assertThat(text("#object-count")).isEqualTo("6 services");
        assertThat(dataDir.resolve("master.key")).exists();

        interact(local::close);
        LocalEngineTarget reopened = new LocalEngineTarget(dataDir);
        interact(() -> console.model().connect(reopened));
        waitUntil(() -> console.model().getConnection().getState() == ConnectionState.CONNECTED);
        assertThat(text("#object-count")).isEqualTo("6 services");
        interact(reopened::close);
    }

    @Test
    void anotherEngineIsConnectedFromTheDialogAndSavedWithItsApikeyEncrypted() {
        clickOn("#connection-button");
        clickOn("#connection-new");
        fill("#connection-name", "second");
        fill("#connection-url", engine.url());
        fill("#connection-apikey", engine.apikey());
        clickOn("#connection-connect");
        assertThat(text("#connection-status")).startsWith("Connected · second (");

        SavedConnections saved = new SavedConnections(configDir());
        assertThat(saved.list()).extracting(SavedConnections.Saved::name).containsExactly("second");
        assertThat(saved.target("second").orElseThrow().label()).isEqualTo("second (" + engine.url() + ")");
    }
}
