package io.reflex.gui.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.client.ReflexObject;
import io.reflex.gui.discovery.DiscoveryGraph.Link;
import io.reflex.gui.discovery.DiscoveryGraph.Outcome;
import io.reflex.gui.objects.JsonText;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkResolverTest {

    private static ReflexObject object(String json) {
        return ReflexObject.of(JsonText.parseObject(json));
    }

    private static ReflexObject instance(String name, String service, String status, int port) {
        return object("""
                {"name": "%s", "service": "%s", "status": "%s", "address": {"host": "10.0.0.%d", "port": %d}}"""
                .formatted(name, service, status, port % 100, port));
    }

    @Test
    void linksResolveToHealthyInstancesSortedByName() {
        DiscoveryGraph graph = LinkResolver.resolve(List.of(
                object("""
                        {"name": "shop", "links": ["cart-api", {"service": "users", "as": "ACCOUNTS", "scheme": "https"},
                                                   "gone", "idle"]}"""),
                object("{\"name\": \"cart-api\"}"),
                object("{\"name\": \"users\"}"),
                object("{\"name\": \"idle\"}")), List.of(
                instance("cart-2", "cart-api.7", "ok", 8102),
                instance("cart-1", "cart-api", "ok", 8101),
                instance("cart-3", "cart-api", "stale", 8103),
                instance("users-1", "users", "ok", 9001),
                instance("idle-1", "idle", "failed", 7001)));

        assertThat(graph.services()).containsExactly("cart-api", "gone", "idle", "shop", "users");
        assertThat(graph.links()).containsExactly(
                new Link("shop", "cart-api", "CART_API", List.of("http://10.0.0.1:8101", "http://10.0.0.2:8102"),
                        Outcome.RESOLVED),
                new Link("shop", "users", "ACCOUNTS", List.of("https://10.0.0.1:9001"), Outcome.RESOLVED),
                new Link("shop", "gone", "GONE", List.of(), Outcome.MISSING_SERVICE),
                new Link("shop", "idle", "IDLE", List.of(), Outcome.NO_HEALTHY_INSTANCE));
        assertThat(graph.links().getFirst().label()).isEqualTo("CART_API → http://10.0.0.1:8101, http://10.0.0.2:8102");
        assertThat(graph.links().get(2).label()).isEqualTo("GONE: no service gone");
    }

    @Test
    void activeInstancesWinOverStaticAndDynamicOnesWhichWinOverAllOfTheService() {
        List<ReflexObject> instances = List.of(instance("a", "db", "ok", 5001), instance("b", "db", "ok", 5002),
                instance("c", "db", "ok", 5003));
        assertThat(urls(object("{\"name\": \"db\", \"active-instances\": [\"c\"], \"static-instances\": [\"a\"]}"),
                instances)).containsExactly("http://10.0.0.3:5003");
        assertThat(urls(object("{\"name\": \"db\", \"static-instances\": [\"b\"], \"dynamic-instances\": [\"a\"]}"),
                instances)).containsExactly("http://10.0.0.1:5001", "http://10.0.0.2:5002");
        assertThat(urls(object("{\"name\": \"db\"}"), instances)).hasSize(3);
    }

    private static List<String> urls(ReflexObject db, List<ReflexObject> instances) {
        return LinkResolver.resolve(List.of(object("{\"name\": \"app\", \"links\": [\"db\"]}"), db), instances)
                .links().getFirst().urls();
    }

    @Test
    void namesBecomeEnvironmentPrefixes() {
        assertThat(LinkResolver.variableName("web-api.v2")).isEqualTo("WEB_API_V2");
    }
}
