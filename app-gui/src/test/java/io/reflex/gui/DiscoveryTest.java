package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.gui.objects.JsonText;
import org.junit.jupiter.api.Test;

/** The discovery graph draws the demo services' links with the addresses launch would hand out. */
class DiscoveryTest extends ConsoleRobotTest {

    @Override
    protected void prepare(ReflexClient engineClient) {
        DiscoveryFixture.link(engineClient);
    }

    @Test
    void aLinkIsDrawnWithItsResolvedAddressAndAMissingOneIsNamed() {
        clickOn("discovery graph");
        assertThat(lookup("#discovery-node-demo-shop-tst").tryQuery()).isPresent();
        assertThat(lookup("#discovery-node-demo-cart-tst").tryQuery()).isPresent();
        assertThat(text("#discovery-link-demo-shop-tst-CART")).isEqualTo("CART → http://127.0.0.1:8082");
        assertThat(text("#discovery-link-demo-shop-prd-CART")).isEqualTo("CART: no healthy instance");
        assertThat(text("#discovery-link-demo-shop-prd-PAYMENTS"))
                .isEqualTo("PAYMENTS: no service demo-payments");
        assertThat(lookup("#discovery-empty").query().isVisible()).isFalse();

        clickOn("#discovery-node-demo-cart-tst");
        assertThat(console.model().getEditor().titleProperty().get()).contains("demo-cart-tst");
    }

    /** Links between the demo services, shared with the screenshots. */
    static final class DiscoveryFixture {
        private DiscoveryFixture() {}

        static void link(ReflexClient client) {
            addLinks(client, "demo-shop-tst", "[{\"service\": \"demo-cart-tst\", \"as\": \"CART\"}]");
            addLinks(client, "demo-shop-prd", "[{\"service\": \"demo-cart-prd\", \"as\": \"CART\"},"
                    + " {\"service\": \"demo-payments\", \"as\": \"PAYMENTS\"}]");
        }

        private static void addLinks(ReflexClient client, String service, String links) {
            ObjectNode json = client.get(ObjectType.SERVICE, service).json();
            json.set("links", JsonText.parseObject("{\"links\": " + links + "}").get("links"));
            client.update(ObjectType.SERVICE, service, ReflexObject.of(json));
        }
    }
}
