package io.reflex.gui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.gui.objects.JsonText;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void maskingKeepsTheFieldInPlaceAndUnmaskingRestoresTheSecret() {
        ObjectNode config = JsonText.parseObject("{\"name\": \"c\", \"sensitive\": {\"parameters\": {\"P\": \"x\"}}, \"type\": \"parameter\"}");
        ObjectNode masked = SecretMask.masked(config);
        assertThat(masked.toString()).isEqualTo("{\"name\":\"c\",\"sensitive\":\"" + SecretMask.PLACEHOLDER + "\",\"type\":\"parameter\"}");
        assertThat(SecretMask.unmasked(masked, SecretMask.secretOf(config))).isEqualTo(config);
    }

    @Test
    void anEditedSecretIsKeptAndAPlaceholderWithoutSecretIsDropped() {
        ObjectNode edited = JsonText.parseObject("{\"name\": \"c\", \"sensitive\": {\"parameters\": {\"P\": \"new\"}}}");
        assertThat(SecretMask.unmasked(edited, SecretMask.secretOf(JsonText.parseObject("{\"sensitive\": {}}"))))
                .isEqualTo(edited);
        ObjectNode placeholderOnly = SecretMask.masked(JsonText.parseObject("{\"name\": \"c\", \"sensitive\": {}}"));
        assertThat(SecretMask.unmasked(placeholderOnly, java.util.Optional.empty()).has("sensitive")).isFalse();
    }
}
