package io.reflex.gui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reflex.gui.objects.JsonText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValueTextTest {

    @Test
    void readsAnEnvFileKeepingOrderAndDroppingExportQuotesAndComments() {
        Map<String, String> values = KeyValueText.parse("# db\nexport DB_HOST=db.local\n\nDB_PASS='s3=cret'\nURL=\"http://x/?a=b\"\n");
        assertThat(values).containsExactly(Map.entry("DB_HOST", "db.local"), Map.entry("DB_PASS", "s3=cret"),
                Map.entry("URL", "http://x/?a=b"));
    }

    @Test
    void aLineWithoutKeyIsReportedByNumber() {
        assertThatThrownBy(() -> KeyValueText.parse("A=1\nnonsense\n")).hasMessage("Line 2 needs the form KEY=value.");
        assertThatThrownBy(() -> KeyValueText.parse("=value")).hasMessage("Line 1 needs the form KEY=value.");
    }

    @Test
    void formatsAnObjectAsLinesThatParseBack() {
        String text = KeyValueText.format(JsonText.parseObject("{\"A\": \"1\", \"B\": 2}"));
        assertThat(text).isEqualTo("A=1\nB=2\n");
        assertThat(KeyValueText.parse(text)).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
    }
}
