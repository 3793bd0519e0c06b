package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

class BrowseTest extends ConsoleRobotTest {

    @Test
    void connectsAndListsTheServicesOfTheEngine() {
        assertThat(text("#connection-status")).startsWith("Connected").contains("test engine");
        TableView<ReflexObject> table = lookup("#object-table").queryTableView();
        assertThat(table.getItems()).extracting(ReflexObject::name)
                .containsExactly("demo-cart-prd", "demo-cart-tst", "demo-shop-prd", "demo-shop-tst", "demo-web-prd", "demo-web-tst");
        assertThat(text("#object-count")).isEqualTo("6 services");
    }

    @Test
    void globAndExpressionFiltersNarrowTheTableAndTheCount() {
        fill("#glob-filter", "*shop*");
        assertThat(text("#object-count")).isEqualTo("2 of 6 services");
        fill("#expression-filter", "lane=prd");
        TableView<ReflexObject> table = lookup("#object-table").queryTableView();
        assertThat(table.getItems()).extracting(ReflexObject::name).containsExactly("demo-shop-prd");
    }

    @Test
    void anExpressionThatDoesNotParseSaysHowToWriteIt() {
        clickOn("#expression-filter").write("lane");
        assertThat(lookup(".problem").queryAllAs(javafx.scene.control.Label.class))
                .anySatisfy(label -> assertThat(label.getText()).contains("field=value"));
    }

    @Test
    void sidebarSwitchesTypeAndTheTreeShowsPipelinesServicesAndInstances() {
        clickOn("configs");
        assertThat(text("#object-count")).isEqualTo("4 configs");
        clickOn("pipeline tree");
        javafx.scene.control.TreeView<?> tree = lookup("#topology-tree").queryAs(javafx.scene.control.TreeView.class);
        String shape = tree.getRoot().getChildren().getFirst().getValue() + " > "
                + tree.getRoot().getChildren().getFirst().getChildren().size() + " services";
        assertThat(shape).isEqualTo("demo-shop  (pipeline) > 4 services");
    }

    @Test
    void createsAServiceFromTheForm() {
        clickOn("#new-button");
        fill("#field-name", "web-tst");
        fill("#field-pipeline", "demo-shop");
        fill("#field-config", "demo-tst");
        clickOn("#save-button");
        assertThat(text("#notification-text")).isEqualTo("Saved service web-tst.");
        ReflexObject stored = client.get(ObjectType.SERVICE, "web-tst");
        assertThat(stored.text("config")).hasValue("demo-tst." + client.get(ObjectType.CONFIG, "demo-tst").id().getAsLong());
        assertThat(text("#object-count")).isEqualTo("7 services");
        assertThat(text("#editor-title")).isEqualTo("service web-tst");
    }

    @Test
    void refusesToSaveAServiceWithoutItsRequiredFields() {
        clickOn("#new-button");
        clickOn("#save-button");
        assertThat(text("#notification-text")).isEqualTo("'pipeline' is required for a service.");
        assertThat(client.find(ObjectType.SERVICE, "new-service")).isEmpty();
    }

    @Test
    void searchOpensAnObjectOfAnyType() {
        press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.K)
                .release(javafx.scene.input.KeyCode.K, javafx.scene.input.KeyCode.CONTROL);
        fill("#search-field", "demo-common");
        clickOn("#search-field").press(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER);
        assertThat(text("#editor-title")).isEqualTo("config demo-common");
        assertThat(text("#object-count")).isEqualTo("4 configs");
    }

    @Test
    void altLeftAndAltRightWalkBackAndForwardAndCtrlSSaves() {
        interact(() -> console.model().open(ObjectType.SERVICE, "demo-shop-tst"));
        interact(() -> console.model().open(ObjectType.CONFIG, "demo-tst"));
        press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.LEFT)
                .release(javafx.scene.input.KeyCode.LEFT, javafx.scene.input.KeyCode.ALT);
        assertThat(text("#editor-title")).isEqualTo("service demo-shop-tst");
        assertThat(text("#object-count")).isEqualTo("6 services");
        press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.RIGHT)
                .release(javafx.scene.input.KeyCode.RIGHT, javafx.scene.input.KeyCode.ALT);
        assertThat(text("#editor-title")).isEqualTo("config demo-tst");

        fill("#field-imports", "demo-shop-settings");
        press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.CONTROL);
        assertThat(client.get(ObjectType.CONFIG, "demo-tst").field("imports").orElseThrow().toString())
                .contains("demo-shop-settings");
    }
}
