package io.reflex.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.reflex.client.InstanceView;
import io.reflex.client.NotFoundException;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.client.discovery.Discovery;
import io.reflex.client.discovery.LinkException;
import io.reflex.client.discovery.ResolvedLink;
import io.reflex.client.discovery.UnknownLinkException;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Instance membership and link resolution (docs/redeploy.md, Discovery) against a real engine. */
@Timeout(60)
class DiscoveryTest {
    @TempDir
    static Path dir;
    static RunningEngine engine;
    static ReflexClient client;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = RunningEngine.start(TestDatabase.SQLITE, dir.resolve("engine"));
        client = ReflexClient.create(engine.url(), engine.masterKey());
        client.create(ObjectType.PIPELINE, ReflexObject.named("disc-pipe"));
        client.create(ObjectType.CONFIG, ReflexObject.parse("{\"name\": \"disc-cfg\", \"type\": \"parameter\"}"));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static void service(String name, String extra) {
        client.create(ObjectType.SERVICE, ReflexObject.parse("{\"name\": \"" + name + "\", \"pipeline\": \"disc-pipe\","
                + " \"config\": \"disc-cfg\"" + (extra.isEmpty() ? "" : ", " + extra) + "}"));
    }

    /** A new service with {@code links} (JSON), as the engine stored it. */
    private static ReflexObject linking(String links) {
        String worker = unique("worker");
        service(worker, "\"links\": " + links);
        return client.get(ObjectType.SERVICE, worker);
    }

    private static void instance(String name, String service, String status, String host, int port) {
        client.pingInstance(name, ReflexObject.parse("{\"status\": \"" + status + "\", \"service\": \"" + service + "\","
                + " \"address\": {\"host\": \"" + host + "\", \"port\": " + port + "},"
                + " \"lifecycle\": {\"state\": \"ready\", \"version\": \"1.2.3\", \"color\": 2,"
                + " \"started\": \"2026-11-21T21:00:00Z\", \"heartbeat\": \"" + Instant.now() + "\", \"ttl\": 60}}"));
    }

    @Test
    void linksResolveToHealthyInstancesOfTheLinkedServiceSortedByName() {
        String web = unique("web");
        service(web, "");
        instance(web + "-b", web, "ok", "10.0.0.2", 8082);
        instance(web + "-a", web, "ok", "10.0.0.1", 8081);
        instance(web + "-c", web, "failed", "10.0.0.3", 8083);
        instance(web + "-d", web, "stale", "10.0.0.4", 8084);

        List<ResolvedLink> links = Discovery.of(client).resolve(linking("[\"" + web + "\"]"));

        String prefix = web.toUpperCase(Locale.ROOT).replace('-', '_');
        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.instances()).extracting(InstanceView::name).containsExactly(web + "-a", web + "-b");
            assertThat(link.environment()).containsExactly(
                    entry(prefix + "_URL", "http://10.0.0.1:8081"),
                    entry(prefix + "_HOST", "10.0.0.1"),
                    entry(prefix + "_PORT", "8081"),
                    entry(prefix + "_URLS", "http://10.0.0.1:8081,http://10.0.0.2:8082"));
        });
    }

    @Test
    void failingInstancesCountOnlyWhenAskedFor() {
        String web = unique("web");
        service(web, "");
        instance(web + "-a", web, "failed", "10.0.1.1", 9001);
        ReflexObject worker = linking("[\"" + web + "\"]");

        assertThat(Discovery.of(client).resolve(worker)).singleElement()
                .satisfies(link -> assertThat(link.environment()).isEmpty());
        assertThat(Discovery.of(client).includingUnhealthy().resolve(worker)).singleElement()
                .satisfies(link -> assertThat(link.instances()).extracting(InstanceView::status).containsExactly("failed"));
    }

    @Test
    void activeInstancesWinOverStaticAndDynamicWhichWinOverTheServiceField() {
        String api = unique("api");
        service(api, "");
        instance(api + "-one", api, "ok", "h1", 1001);
        instance(api + "-two", api, "ok", "h2", 1002);
        String other = unique("other");
        instance(other + "-x", "elsewhere", "ok", "hx", 1003);

        assertThat(Discovery.of(client).instances(api)).extracting(InstanceView::name)
                .containsExactly(api + "-one", api + "-two");

        client.merge(ObjectType.SERVICE, api, ReflexObject.parse("{\"static-instances\": [\"" + other + "-x\"],"
                + " \"dynamic-instances\": [\"" + api + "-two\"]}"));
        assertThat(Discovery.of(client).instances(api)).extracting(InstanceView::name)
                .containsExactly(api + "-two", other + "-x");

        client.merge(ObjectType.SERVICE, api, ReflexObject.parse("{\"active-instances\": [\"" + api + "-one\"]}"));
        assertThat(Discovery.of(client).instances(api)).extracting(InstanceView::name).containsExactly(api + "-one");
    }

    @Test
    void linkObjectsNameTheVariablesAndTheScheme() {
        String web = unique("web");
        service(web, "");
        instance(web + "-a", web, "ok", "::1", 8443);

        List<ResolvedLink> links = Discovery.of(client).resolve(
                linking("[{\"service\": \"" + web + "\", \"as\": \"api\", \"scheme\": \"https\"}]"));

        assertThat(links.getFirst().environment())
                .containsEntry("API_URL", "https://[::1]:8443")
                .containsEntry("API_HOST", "::1")
                .containsEntry("API_PORT", "8443");
        assertThat(links.getFirst().toJson().toString()).isEqualTo("{\"service\":\"" + web + "\",\"scheme\":\"https\","
                + "\"instances\":[{\"name\":\"" + web + "-a\",\"host\":\"::1\",\"port\":8443,"
                + "\"url\":\"https://[::1]:8443\"}]}");
    }

    @Test
    void aLinkToAMissingServiceIsATypedError() {
        String worker = unique("worker");
        service(worker, "\"links\": [\"no-such-service\"]");

        assertThatThrownBy(() -> Discovery.of(client).resolve(client.get(ObjectType.SERVICE, worker)))
                .isInstanceOfSatisfying(UnknownLinkException.class, e -> {
                    assertThat(e.link()).isEqualTo("no-such-service");
                    assertThat(e.service()).isEqualTo(worker);
                })
                .hasMessage("Service " + worker + " links to no-such-service, which does not exist");
    }

    @Test
    void malformedLinksAreRefusedWithTheirService() {
        String worker = unique("worker");
        service(worker, "\"links\": [42]");

        assertThatThrownBy(() -> Discovery.of(client).resolve(client.get(ObjectType.SERVICE, worker)))
                .isInstanceOf(LinkException.class)
                .hasMessage("Service " + worker + ": a link must be a service name or an object with \"service\", not 42");
    }

    @Test
    void instanceViewReadsWhatLaunchersWrite() {
        String svc = unique("svc");
        service(svc, "");
        instance(svc + "-a", svc, "ok", "h1", 7000);

        InstanceView view = Discovery.of(client).instances(svc).getFirst();

        assertThat(view.service()).isEqualTo(svc);
        assertThat(view.row().toString()).isEqualTo("{\"name\":\"" + svc + "-a\",\"service\":\"" + svc + "\","
                + "\"host\":\"h1\",\"port\":7000,\"status\":\"ok\",\"state\":\"ready\",\"color\":2,"
                + "\"version\":\"1.2.3\",\"started\":\"2026-11-21T21:00:00Z\"}");
        assertThat(view.ttl()).contains(java.time.Duration.ofSeconds(60));
        assertThat(view.heartbeat()).isPresent();
        assertThatThrownBy(() -> Discovery.of(client).instances("no-such-service")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void servicesWithoutLinksResolveToNothing() {
        String lonely = unique("lonely");
        service(lonely, "");

        assertThat(Discovery.of(client).resolve(client.get(ObjectType.SERVICE, lonely))).isEmpty();
        assertThat(Discovery.of(client).instancesByService()).containsEntry(lonely, List.of());
    }
}
