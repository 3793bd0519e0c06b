package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.gui.instances.InstanceRow;
import io.reflex.gui.instances.LiveInstance;
import io.reflex.gui.objects.JsonText;
import java.time.Instant;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Redeploys against a real engine: the confirmation, the request written to the service, and the progress read
 * from instance objects as docs/redeploy.md says launchers write them (here written by the test in the launcher's
 * place; {@link RedeployEndToEndTest} does it with real launchers).
 */
class RedeployTest extends ConsoleRobotTest {

    @Override
    protected void prepare(ReflexClient engineClient) {
        ObjectNode changed = engineClient.get(ObjectType.CONFIG, "demo-prd").json();
        ((ObjectNode) changed.get("setenv")).put("LOG_LEVEL", "trace");
        engineClient.update(ObjectType.CONFIG, "demo-prd", ReflexObject.of(changed));
    }

    private TableView<LiveInstance> selectInstance(String name) {
        clickOn("live instances");
        TableView<LiveInstance> table = lookup("#instances-table").queryTableView();
        interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(r -> r.get().name().equals(name)).findFirst().orElseThrow()));
        return table;
    }

    private String dialogText() {
        return lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
    }

    private void report(String instance, String id, String state, int color, String message) {
        long now = Instant.now().getEpochSecond();
        client.pingInstance(instance, ReflexObject.of(JsonText.parseObject("""
                {"service": "demo-shop-prd", "status": "ok", "address": {"host": "127.0.0.1", "port": 9081},
                 "lifecycle": {"state": "ready", "version": "1.5.0", "started": %d, "heartbeat": %d, "ttl": 30,
                               "color": %d, "redeploy": {"id": "%s", "state": "%s", "message": "%s"}}}"""
                .formatted(now - 60, now, color, id, state, message))));
    }

    @Test
    void theConfirmationSaysWhatHappensAndProgressFollowsTheInstances() throws Exception {
        selectInstance("demo-shop-prd-1");
        fill("#redeploy-build", "1.5.0");
        clickOn("#redeploy-service-button");
        assertThat(dialogText()).startsWith("Redeploy demo-shop-prd: 2 instances (demo-shop-prd-1, demo-shop-prd-2)")
                .contains("1 at a time, at least 1 other kept ready, target build 1.5.0.");
        clickOn("#confirm-button");

        JsonNode request = client.get(ObjectType.SERVICE, "demo-shop-prd").field("redeploy").orElseThrow();
        String id = request.path("id").asText();
        assertThat(id).startsWith("rd-");
        assertThat(dialogTextGone()).isTrue();
        assertThat(request.path("by").asText()).isEqualTo("console");
        assertThat(request.path("target").path("build").asText()).isEqualTo("1.5.0");
        assertThat(request.path("batch").asInt()).isEqualTo(1);
        assertThat(request.path("min-ready").asInt()).isEqualTo(1);
        assertThat(text("#redeploy-progress")).isEqualTo("Redeploy of demo-shop-prd: 0 of 2 finished · "
                + "demo-shop-prd-1 waiting for the launcher · demo-shop-prd-2 waiting for the launcher");

        report("demo-shop-prd-1", id, "deploying", 2, "");
        waitUntil(() -> text("#redeploy-progress").contains("demo-shop-prd-1 deploying (color 2)"));
        report("demo-shop-prd-1", id, "done", 2, "");
        report("demo-shop-prd-2", id, "done", 4, "");
        waitUntil(() -> text("#notification-text").startsWith("Redeploy of demo-shop-prd finished"));
        assertThat(text("#redeploy-progress")).startsWith("Redeploy of demo-shop-prd: 2 of 2 finished");
        assertThat(console.model().getRedeploy().outcomeProperty().get().success()).isTrue();
        TableView<LiveInstance> table = lookup("#instances-table").queryTableView();
        assertThat(table.getItems()).extracting(LiveInstance::get).filteredOn(r -> r.service().equals("demo-shop-prd"))
                .extracting(r -> r.redeploy().state()).containsOnly("done");
    }

    private boolean dialogTextGone() {
        return lookup(".dialog-pane").tryQuery().isEmpty();
    }

    @Test
    void aFailedInstanceIsNamedWithItsMessage() throws Exception {
        selectInstance("demo-shop-prd-2");
        clickOn("#redeploy-service-button");
        clickOn("#confirm-button");
        String id = client.get(ObjectType.SERVICE, "demo-shop-prd").field("redeploy").orElseThrow().path("id").asText();
        report("demo-shop-prd-1", id, "done", 2, "");
        report("demo-shop-prd-2", id, "failed", 3, "color 3 not ready after 60s");
        waitUntil(() -> text("#notification-text").startsWith("Redeploy of demo-shop-prd failed"));
        assertThat(text("#notification-text"))
                .contains("demo-shop-prd-2: color 3 not ready after 60s").contains("old color keeps serving");
        assertThat(console.model().getRedeploy().outcomeProperty().get().success()).isFalse();
    }

    @Test
    void rollbackRestoresThePreviousConfigVersionAndRedeploys() throws Exception {
        selectInstance("demo-shop-prd-1");
        clickOn("#rollback-button");
        assertThat(dialogText()).startsWith("Roll back demo-shop-prd: config demo-prd is restored to its version of ")
                .contains("Other services with this config (demo-cart-prd, demo-web-prd) get it too but are not redeployed.")
                .contains("Redeploy demo-shop-prd: 2 instances").contains("each start a new color with the restored config");
        clickOn("#confirm-button");
        assertThat(client.get(ObjectType.CONFIG, "demo-prd").field("setenv").orElseThrow().path("LOG_LEVEL").asText())
                .isEqualTo("warn");
        assertThat(client.get(ObjectType.SERVICE, "demo-shop-prd").field("redeploy")).isPresent();
        assertThat(text("#redeploy-progress")).startsWith("Redeploy of demo-shop-prd: 0 of 2 finished");
    }

    @Test
    void ctrlROnAnOpenServiceShowsTheLiveInstancesAndAsksFirst() {
        interact(() -> console.model().open(ObjectType.SERVICE, "demo-shop-tst"));
        press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        assertThat(dialogText()).startsWith("Redeploy demo-shop-tst: 1 instance (demo-shop-tst-1)")
                .contains("1 at a time, at least 0 others kept ready, target unchanged");
        clickOn("#confirm-cancel-button");
        assertThat(client.get(ObjectType.SERVICE, "demo-shop-tst").field("redeploy")).isEmpty();
        assertThat(lookup("#instances-table").queryTableView().isVisible()).isTrue();
    }

    @Test
    void oneInstanceElsewhereCannotBeRedeployedAlone() {
        selectInstance("demo-shop-prd-2");
        clickOn("#redeploy-instance-button");
        assertThat(text("#notification-text")).startsWith("demo-shop-prd-2 does not run on this machine");
        assertThat(client.get(ObjectType.SERVICE, "demo-shop-prd").field("redeploy")).isEmpty();
    }
}
