package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.gui.connection.ProfileTarget;
import io.reflex.gui.connection.ProxySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import io.reflex.gui.instances.InstanceRow;
import io.reflex.gui.instances.LiveInstance;
import io.reflex.gui.localrun.LocalRun;
import io.reflex.gui.localrun.LocalRunsViewModel;
import io.reflex.gui.redeploy.RedeployViewModel;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Saves PNGs of the main views in both themes to the directory in {@code reflex.screenshots}. Run it with
 * {@code xvfb-run -a mvn -Pscreenshots -pl app-gui -am test}; without the property it is skipped.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ScreenshotsTest extends ConsoleRobotTest {
    private static final String DIR = System.getProperty("reflex.screenshots", "");

    @Override
    protected void prepare(ReflexClient engineClient) {
        ObjectNode changed = engineClient.get(ObjectType.SERVICE, "demo-shop-tst").json();
        changed.put("region", "us-east");
        changed.put("title", "Shop, test lane");
        sleepASecond();
        engineClient.update(ObjectType.SERVICE, "demo-shop-tst", ReflexObject.of(changed));
        DiscoveryTest.DiscoveryFixture.link(engineClient);
    }

    @Override
    protected double windowWidth() {
        return 1280;
    }

    private static void sleepASecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void savesTheMainViewsInLightAndDark() throws Exception {
        assumeTrue(!DIR.isEmpty(), "set reflex.screenshots (mvn -Pscreenshots) to take screenshots");
        Path dir = Files.createDirectories(Path.of(DIR));
        int proxyPort = LocalRunsViewModel.freePort();
        interact(() -> console.model().getLocalRuns().runWithProxy("demo-web-tst", proxyPort));
        LocalRun run = console.model().getLocalRuns().selectedProperty().get();
        waitForLaunchersUntil(() -> run.lifecycleProperty().get().equals("ready"));
        for (boolean dark : new boolean[] {false, true}) {
            interact(() -> console.model().darkProperty().set(dark));
            String suffix = dark ? "-dark" : "";
            interact(() -> console.model().open(ObjectType.SERVICE, "demo-shop-prd"));
            interact(() -> console.view().showTab("edit-tab"));
            save(dir, "services" + suffix);
            interact(() -> console.model().open(ObjectType.CONFIG, "demo-prd"));
            save(dir, "config-editor" + suffix);
            interact(() -> console.model().open(ObjectType.SERVICE, "demo-shop-prd"));
            interact(() -> console.view().showTab("effective-tab"));
            interact(() -> lookup("#effective-files").queryListView().getSelectionModel().select(0));
            save(dir, "effective-config" + suffix);
            interact(() -> console.model().open(ObjectType.SERVICE, "demo-shop-tst"));
            interact(() -> console.view().showTab("history-tab"));
            save(dir, "history" + suffix);
            interact(() -> console.view().showTab("edit-tab"));
            show("live instances");
            sleep(3, java.util.concurrent.TimeUnit.SECONDS);
            save(dir, "instances" + suffix);
            RedeployViewModel.Outcome before = console.model().getRedeploy().outcomeProperty().get();
            redeploy(run, dark ? "1.4.4" : "1.4.3", before);
            save(dir, "instances-redeploy" + suffix);
            waitForLaunchersUntil(() -> console.model().getRedeploy().outcomeProperty().get() != before);
            show("local runs");
            fill("#run-service", "demo-web-tst");
            save(dir, "local-run" + suffix);
            show("discovery graph");
            save(dir, "discovery" + suffix);
            show("services");
            interact(() -> console.tabs().open(new ProfileTarget("staging", engine.url(), engine.apikey())));
            save(dir, "engines" + suffix);
            interact(() -> console.tabs().close(console.tabs().selected()));
            waitUntil(() -> console.tabs().all().size() == 1);
            saveProxyDialog(dir, "connection-proxy" + suffix);
        }
        assertThat(dir.resolve("instances-dark.png")).exists();
    }

    /** Picks a sidebar entry without the mouse, so a slow machine cannot misplace the click. */
    private void show(String sidebarLabel) {
        interact(() -> console.model().sectionProperty().set(io.reflex.gui.navigation.SidebarItem.all().stream()
                .filter(item -> item.label().equals(sidebarLabel)).findFirst().orElseThrow()));
    }

    private void saveProxyDialog(Path dir, String name) throws Exception {
        clickOn("#connection-button");
        clickOn("#connection-new");
        fill("#connection-name", "corp-staging");
        fill("#connection-url", "http://staging.corp.example:8080/api/v1");
        interact(() -> lookup("#proxy-kind").<ProxySettings.Kind>queryComboBox().setValue(ProxySettings.Kind.HTTP));
        fill("#proxy-host", "http://proxy.corp.example");
        fill("#proxy-port", "3128");
        write(dir, name, () -> lookup("#proxy-kind").query().getScene().snapshot(null));
        clickOn("Cancel");
    }

    /**
     * Asks for a redeploy of the demo web app and returns while its instance is deploying the next color, or once
     * it finished when that went faster than the test looked.
     */
    private void redeploy(LocalRun run, String build, RedeployViewModel.Outcome before) throws Exception {
        TableView<LiveInstance> table = lookup("#instances-table").queryTableView();
        interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.get().name().equals(run.instanceName())).findFirst().orElseThrow()));
        fill("#redeploy-build", build);
        clickOn("#redeploy-service-button");
        clickOn("#confirm-button");
        waitForLaunchersUntil(() -> text("#redeploy-progress").contains("deploying")
                || console.model().getRedeploy().outcomeProperty().get() != before);
    }

    private void save(Path dir, String name) throws Exception {
        write(dir, name, () -> lookup("#engine-tabs").query().getScene().snapshot(null));
    }

    private void write(Path dir, String name, java.util.function.Supplier<WritableImage> snapshot) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = new WritableImage(1, 1);
        WritableImage[] shot = {image};
        interact(() -> shot[0] = snapshot.get());
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", dir.resolve(name + ".png").toFile());
    }
}
