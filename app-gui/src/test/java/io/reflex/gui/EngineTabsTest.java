package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.gui.connection.ConnectionState;
import io.reflex.gui.connection.LocalEngineTarget;
import io.reflex.gui.connection.ProfileTarget;
import io.reflex.gui.connection.SharedTarget;
import io.reflex.gui.engines.EngineTab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

/** A local engine and a remote one in two tabs of one window, each with its own connection and status. */
class EngineTabsTest extends ConsoleRobotTest {

    @Test
    void aLocalAndARemoteEngineRunSideBySideEachWithItsOwnStatus() throws Exception {
        Path localData = Files.createTempDirectory("console-local");
        SharedTarget local = new SharedTarget(new LocalEngineTarget(localData));
        try (LocalEngine remote = new LocalEngine(Files.createTempDirectory("console-remote"))) {
            interact(() -> console.tabs().open(local));
            assertThat(tabTitles()).containsExactly("test engine", "Local engine");
            assertThat(statusOf(console.tabs().all().get(1))).startsWith("Connected · Local engine");

            clickOn("#open-engine-button");
            clickOn("#connection-new");
            fill("#connection-name", "remote");
            fill("#connection-url", remote.url());
            fill("#connection-apikey", remote.apikey());
            clickOn("#connection-connect");
            assertThat(tabTitles()).containsExactly("test engine", "Local engine", "remote");
            EngineTab remoteTab = console.tabs().all().get(2);
            assertThat(console.tabs().selected()).isSameAs(remoteTab);
            assertThat(statusOf(remoteTab)).startsWith("Connected · remote (" + remote.url());

            remote.stop();
            waitUntil(() -> remoteTab.model().getConnection().getState() == ConnectionState.LOST);
            assertThat(console.tabs().all().get(0).model().getConnection().getState())
                    .isEqualTo(ConnectionState.CONNECTED);
            assertThat(console.tabs().all().get(1).model().getConnection().getState())
                    .isEqualTo(ConnectionState.CONNECTED);
            assertThat(dots()).extracting(dot -> dot.getStyleClass().contains("state-lost"))
                    .containsExactly(false, false, true);
        }
        interact(() -> console.tabs().open(local));
        interact(() -> console.tabs().close(console.tabs().all().get(1)));
        waitUntil(() -> tabTitles().size() == 3);
        assertThat(tabTitles()).containsExactly("test engine", "remote", "Local engine");
        EngineTab secondLocal = console.tabs().all().get(2);
        interact(() -> secondLocal.model().refresh());
        assertThat(statusOf(secondLocal)).startsWith("Connected · Local engine");
        assertThat(secondLocal.model().getList().countProperty().get()).isEqualTo("6 services");
        local.closeForAll();
    }

    @Test
    void theLastTabCannotBeClosed() throws Exception {
        assertThat(lookup(".engine-tab").queryAll()).hasSize(1);
        assertThat(closeButtonsShown()).isZero();
        interact(() -> console.tabs().open(new ProfileTarget("again", engine.url(), engine.apikey())));
        waitUntil(() -> closeButtonsShown() == 2);
        interact(() -> console.tabs().close(console.tabs().all().get(1)));
        waitUntil(() -> lookup(".engine-tab").queryAll().size() == 1 && closeButtonsShown() == 0);
    }

    private List<String> tabTitles() {
        return lookup(".engine-tab .tab-label").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).toList();
    }

    private long closeButtonsShown() {
        return lookup(".engine-tab .tab-close-button").queryAll().stream().filter(Node::isVisible).count();
    }

    private List<Node> dots() {
        return List.copyOf(lookup(".engine-tab-dot").queryAll());
    }

    private String statusOf(EngineTab tab) {
        Node status = from(tab.view().root()).lookup("#connection-status").query();
        return ((Labeled) status).getText();
    }
}
