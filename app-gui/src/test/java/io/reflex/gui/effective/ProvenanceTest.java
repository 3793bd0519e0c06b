package io.reflex.gui.effective;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.gui.objects.JsonText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    private final Map<String, ObjectNode> configs = Map.of(
            "child", JsonText.parseObject("{\"extends\": [\"p1.1\", \"p2\"], \"setenv\": {\"A\": \"child\"}}"),
            "p1.1", JsonText.parseObject("{\"extends\": [\"g\"], \"imports\": [\"imp\"], \"setenv\": {\"A\": \"p1\", \"B\": \"p1\"}}"),
            "g", JsonText.parseObject("{\"setenv\": {\"C\": \"g\"}, \"sensitive\": {\"parameters\": {\"S\": \"x\"}}}"),
            "p2", JsonText.parseObject("{\"setenv\": {\"C\": \"p2\", \"D\": \"p2\"}}"),
            "imp", JsonText.parseObject("{\"setenv\": {\"A\": \"imp\"}}"));

    @Test
    void extendsFirstSeenWinsAndAParentsImportOverridesTheChild() {
        Map<String, String> origin = Provenance.of(configs::get, "child");
        assertThat(origin).containsEntry("A", "imp").containsEntry("B", "p1").containsEntry("C", "g")
                .containsEntry("D", "p2").containsEntry("S", "g");
    }
}
