package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;

class EditorTest extends ConsoleRobotTest {

    private void openConfig(String name) {
        interact(() -> console.model().open(ObjectType.CONFIG, name));
    }

    private void replaceJson(String json) {
        CodeArea code = lookup("#json-editor").queryAs(CodeArea.class);
        clickOn("#json-editor");
        interact(() -> code.replaceText(json));
    }

    @Test
    void secretsAreMaskedUntilRevealedAndSurviveASaveWhileMasked() {
        openConfig("demo-prd");
        assertThat(text("#json-editor")).doesNotContain("prd-very-secret").contains("hidden, press Reveal");
        clickOn("#reveal-button");
        assertThat(text("#json-editor")).contains("prd-very-secret");
        clickOn("#reveal-button");
        assertThat(text("#json-editor")).doesNotContain("prd-very-secret");

        fill("#field-extends", "demo-common, demo-tst");
        clickOn("#save-button");
        ReflexObject stored = client.get(ObjectType.CONFIG, "demo-prd");
        assertThat(stored.field("sensitive").orElseThrow().path("parameters").path("DB_PASSWORD").asText())
                .isEqualTo("prd-very-secret");
        assertThat(stored.field("extends").orElseThrow().toString()).contains("demo-tst");
    }

    @Test
    void invalidJsonIsReportedByLineAndNotSaved() {
        openConfig("demo-tst");
        replaceJson("{\n  \"name\": \"demo-tst\",\n  \"type\": \"parameter\"\n  \"setenv\": {}\n}");
        assertThat(text("#json-problem")).startsWith("Line 4:");
        clickOn("#save-button");
        assertThat(text("#notification-text")).startsWith("The JSON is not valid. Line 4:");
        CodeArea code = lookup("#json-editor").queryAs(CodeArea.class);
        assertThat(code.getParagraph(3).getParagraphStyle()).contains("error-line");
    }

    @Test
    void aConcurrentChangeShowsBothVersionsAndMergeKeepsBothChanges() {
        openConfig("demo-tst");
        ObjectNode theirs = client.get(ObjectType.CONFIG, "demo-tst").json();
        theirs.put("description", "changed by someone else");
        client.update(ObjectType.CONFIG, "demo-tst", ReflexObject.of(theirs));

        fill("#field-imports", "demo-shop-settings");
        clickOn("#save-button");
        assertThat(lookup("#conflict-pane").query().isVisible()).isTrue();
        assertThat(text("#conflict-theirs")).contains("changed by someone else");
        assertThat(text("#conflict-yours")).contains("demo-shop-settings").doesNotContain("changed by someone else");
        assertThat(client.get(ObjectType.CONFIG, "demo-tst").has("imports")).isFalse();

        clickOn("#merge-button");
        clickOn("#save-button");
        ReflexObject stored = client.get(ObjectType.CONFIG, "demo-tst");
        assertThat(stored.text("description")).hasValue("changed by someone else");
        assertThat(stored.field("imports").orElseThrow().toString()).contains("demo-shop-settings");
    }

    @Test
    void bulkEditorReplacesSetenvFromPastedLines() {
        openConfig("demo-common");
        clickOn("#bulk-setenv-button");
        fill("#bulk-text", "# pasted from .env\nexport APP_NAME=shop\nLOG_LEVEL=\"trace\"\nNEW_FLAG=on\n");
        clickOn("Apply");
        clickOn("#save-button");
        ObjectNode setenv = (ObjectNode) client.get(ObjectType.CONFIG, "demo-common").field("setenv").orElseThrow();
        assertThat(setenv.toString()).isEqualTo("{\"APP_NAME\":\"shop\",\"LOG_LEVEL\":\"trace\",\"NEW_FLAG\":\"on\"}");
    }

    @Test
    void deleteAsksFirstAndAnObjectDeletedElsewhereCanBeSavedAgain() {
        interact(() -> console.model().open(ObjectType.SERVICE, "demo-cart-tst"));
        clickOn("#delete-button");
        clickOn("#confirm-cancel-button");
        assertThat(client.find(ObjectType.SERVICE, "demo-cart-tst")).isPresent();

        client.delete(ObjectType.SERVICE, "demo-cart-tst");
        fill("#field-region", "us-east");
        clickOn("#save-button");
        assertThat(text("#notification-text")).contains("was deleted on the engine");
        clickOn("#save-button");
        assertThat(client.get(ObjectType.SERVICE, "demo-cart-tst").text("region")).hasValue("us-east");

        clickOn("#delete-button");
        clickOn("#confirm-button");
        assertThat(client.find(ObjectType.SERVICE, "demo-cart-tst")).isEmpty();
        assertThat(text("#object-count")).isEqualTo("5 services");
    }

    @Test
    void exportedJsonImportsAsANewObject() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("demo-prd", ".json");
        openConfig("demo-prd");
        interact(() -> console.model().getEditor().exportTo(file));
        assertThat(java.nio.file.Files.readString(file)).contains("prd-very-secret").contains("\"id\": ");

        interact(() -> console.model().getEditor().importFrom(file, ObjectType.CONFIG));
        assertThat(text("#editor-title")).isEqualTo("New config •");
        assertThat(text("#json-editor")).doesNotContain("\"id\"");
        fill("#field-name", "demo-prd-imported");
        clickOn("#save-button");
        ReflexObject imported = client.get(ObjectType.CONFIG, "demo-prd-imported");
        assertThat(imported.field("sensitive").orElseThrow().path("parameters").path("DB_PASSWORD").asText())
                .isEqualTo("prd-very-secret");
    }
}
