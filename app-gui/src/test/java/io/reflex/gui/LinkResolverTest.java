package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.gui.discovery.DiscoveryGraph;
import io.reflex.gui.discovery.DiscoveryGraph.Link;
import io.reflex.gui.discovery.DiscoveryGraph.Outcome;
import io.reflex.gui.discovery.LinkResolver;
import io.reflex.gui.objects.JsonText;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph's links as a real engine's services and instances resolve them through the shared discovery model. */
class LinkResolverTest {

    @Test
    void linksResolveToHealthyInstancesSortedByNameWithTheirAliasAndScheme() throws Exception {
        try (LocalEngine engine = new LocalEngine(Files.createTempDirectory("resolver-engine"))) {
            ReflexClient client = engine.client();
            create(client, ObjectType.PIPELINE, "{\"name\": \"p\"}");
            create(client, ObjectType.CONFIG, "{\"name\": \"c\", \"type\": \"parameter\"}");
            create(client, ObjectType.SERVICE, "{\"name\": \"cart-api\", \"pipeline\": \"p\", \"config\": \"c\"}");
            create(client, ObjectType.SERVICE, "{\"name\": \"idle\", \"pipeline\": \"p\", \"config\": \"c\"}");
            create(client, ObjectType.SERVICE, """
                    {"name": "shop", "pipeline": "p", "config": "c",
                     "links": [{"service": "cart-api", "as": "CART", "scheme": "https"}, "idle", "gone"]}""");
            ping(client, "cart-2", "cart-api", "ok", 8102);
            ping(client, "cart-1", "cart-api", "ok", 8101);
            ping(client, "cart-3", "cart-api", "failed", 8103);
            ping(client, "idle-1", "idle", "failed", 7001);

            DiscoveryGraph graph = LinkResolver.resolve(client);

            assertThat(graph.services()).containsExactly("cart-api", "gone", "idle", "shop");
            assertThat(graph.links()).containsExactly(
                    new Link("shop", "cart-api", "CART", List.of("https://10.0.0.1:8101", "https://10.0.0.1:8102"),
                            Outcome.RESOLVED),
                    new Link("shop", "idle", "IDLE", List.of(), Outcome.NO_HEALTHY_INSTANCE),
                    new Link("shop", "gone", "GONE", List.of(), Outcome.MISSING_SERVICE));
            assertThat(graph.links().getFirst().label()).isEqualTo("CART → https://10.0.0.1:8101, https://10.0.0.1:8102");
            assertThat(graph.links().getLast().label()).isEqualTo("GONE: no service gone");
        }
    }

    private static void create(ReflexClient client, ObjectType type, String json) {
        client.create(type, ReflexObject.of(JsonText.parseObject(json)));
    }

    private static void ping(ReflexClient client, String name, String service, String status, int port) {
        client.pingInstance(name, ReflexObject.of(JsonText.parseObject("""
                {"service": "%s", "status": "%s", "address": {"host": "10.0.0.1", "port": %d}}"""
                .formatted(service, status, port))));
    }
}
