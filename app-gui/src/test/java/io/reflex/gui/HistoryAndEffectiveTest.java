package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.client.config.ConfigFile;
import io.reflex.gui.effective.EffectiveConfigViewModel.Variable;
import io.reflex.gui.history.LineDiff;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

class HistoryAndEffectiveTest extends ConsoleRobotTest {

    @Override
    protected void prepare(ReflexClient engineClient) {
        ObjectNode changed = engineClient.get(ObjectType.SERVICE, "demo-shop-tst").json();
        changed.put("region", "us-east");
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engineClient.update(ObjectType.SERVICE, "demo-shop-tst", ReflexObject.of(changed));
    }

    @Test
    void effectiveConfigShowsEachVariableWithItsOriginAndMasksSecrets() {
        interact(() -> console.model().open(ObjectType.SERVICE, "demo-shop-prd"));
        clickOn("Effective config");
        TableView<Variable> table = lookup("#effective-variables").queryTableView();
        Variable url = table.getItems().stream().filter(v -> v.name().equals("DATABASE_URL")).findFirst().orElseThrow();
        assertThat(url.value()).isEqualTo("••••••");
        assertThat(url.from()).isEqualTo("demo-prd");
        Variable user = table.getItems().stream().filter(v -> v.name().equals("DB_USER")).findFirst().orElseThrow();
        assertThat(user.value()).isEqualTo("shop");
        assertThat(user.from()).isEqualTo("demo-common");

        ListView<ConfigFile> files = lookup("#effective-files").queryListView();
        assertThat(files.getItems()).extracting(ConfigFile::path).containsExactly("/app/shop/config/shop.properties");
        interact(() -> files.getSelectionModel().select(0));
        assertThat(text("#effective-file-contents")).contains("db.password=••••••").doesNotContain("prd-very-secret");

        clickOn("#effective-reveal-button");
        assertThat(text("#effective-file-contents")).contains("db.password=prd-very-secret");
        Variable revealed = table.getItems().stream().filter(v -> v.name().equals("DATABASE_URL")).findFirst().orElseThrow();
        assertThat(revealed.value()).isEqualTo("postgres://shop:prd-very-secret@db.prd.internal/shop");
    }

    @Test
    void historyShowsTheOldVersionBesideTheCurrentAndRestoresIt() {
        interact(() -> console.model().open(ObjectType.SERVICE, "demo-shop-tst"));
        clickOn("History");
        ListView<LineDiff.Row> old = lookup("#history-old").queryListView();
        assertThat(old.getItems()).anySatisfy(row -> {
            assertThat(row.left()).contains("\"region\": \"eu-west\"");
            assertThat(row.right()).contains("\"region\": \"us-east\"");
        });
        clickOn("#restore-button");
        clickOn("#confirm-button");
        assertThat(client.get(ObjectType.SERVICE, "demo-shop-tst").text("region")).hasValue("eu-west");
        assertThat(text("#notification-text")).startsWith("Restored demo-shop-tst");
    }
}
