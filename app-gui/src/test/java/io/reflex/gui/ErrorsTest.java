package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.gui.connection.ConnectionState;
import io.reflex.gui.connection.ProfileTarget;
import io.reflex.gui.instances.InstanceRow;
import io.reflex.gui.instances.LiveInstance;
import io.reflex.gui.objects.JsonText;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

class ErrorsTest extends ConsoleRobotTest {

    @Test
    void aDeletedApikeyEndsTheConnectionWithOneSentence() {
        client.create(ObjectType.APIKEY, ReflexObject.of(JsonText.parseObject("{\"name\": \"temp\"}")));
        String secret = client.get(ObjectType.APIKEY, "temp").field("secrets").orElseThrow().get(0).asText();
        client.create(ObjectType.POLICY, ReflexObject.of(JsonText.parseObject(
                "{\"name\": \"temp-pol\", \"policy\": \"True\"}")));
        client.create(ObjectType.POLICYSCOPE, ReflexObject.of(JsonText.parseObject(
                "{\"name\": \"temp-scope\", \"policy\": \"temp-pol\", \"matches\": \"True\", \"actions\": \"admin\","
                        + " \"type\": \"global\"}")));
        interact(() -> console.model().connect(new ProfileTarget("temp", engine.url(), "temp." + secret)));
        assertThat(text("#connection-status")).startsWith("Connected · temp");

        client.delete(ObjectType.APIKEY, "temp");
        clickOn("#refresh-button");
        assertThat(text("#notification-text"))
                .isEqualTo("Cannot list services: The engine refused the apikey (expired or deleted); connect with another one.");
        assertThat(console.model().getConnection().getState()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(text("#connection-status")).contains("refused the apikey");
    }

    @Test
    void aHugeObjectOpensWithHighlightingOffAndSaysSo() {
        ObjectNode big = JsonText.parseObject("{\"name\": \"big\", \"type\": \"parameter\"}");
        ObjectNode setenv = big.putObject("setenv");
        for (int i = 0; i < 6000; i++) {
            setenv.put("VARIABLE_" + i, "value-" + "x".repeat(40) + "-" + i);
        }
        client.create(ObjectType.CONFIG, ReflexObject.of(big));
        interact(() -> console.model().open(ObjectType.CONFIG, "big"));
        assertThat(text("#notification-text")).startsWith("This config is large (").endsWith("syntax highlighting is off to keep editing fast.");
        assertThat(text("#json-editor")).contains("VARIABLE_5999");
    }

    @Test
    void hundredsOfInstanceChangesArriveInBatches() throws Exception {
        clickOn("live instances");
        TableView<LiveInstance> table = lookup("#instances-table").queryTableView();
        long now = java.time.Instant.now().getEpochSecond();
        for (int i = 0; i < 300; i++) {
            client.pingInstance("bulk-" + i, ReflexObject.of(JsonText.parseObject("""
                    {"service": "demo-shop-prd", "status": "ok", "address": {"host": "10.1.0.%d", "port": 80},
                     "lifecycle": {"state": "ready", "started": %d, "heartbeat": %d}}""".formatted(i % 250, now, now))));
        }
        waitUntil(() -> table.getItems().size() == 304 && text("#instances-summary").equals("304 instances"));
        assertThat(text("#instances-summary")).isEqualTo("304 instances");
    }

    @Test
    void anEngineRefusalIsShownAsTheEnginesSentence() {
        clickOn("scopes");
        clickOn("#new-button");
        fill("#field-policy", "nope");
        clickOn("#save-button");
        assertThat(text("#notification-text")).startsWith("Cannot save: The engine rejected it: ").contains("Policy:nope not found");
        assertThat(client.find(ObjectType.POLICYSCOPE, "new-policyscope")).isEmpty();
    }
}
