package io.reflex.launcher.cli;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Links (docs/redeploy.md, Discovery) as the app sees them: real launches against a real engine. */
@Timeout(120)
class DiscoveryLaunchTest {

    private static final String PRINT_LINKS = "env | grep -E '^(WEB|API|LONELY)_' | sort";
    private static final String TRAPS = """
            trap "echo HUP >> signals.txt" HUP
            trap 'exit 0' TERM
            echo $$ > app.pid
            while true; do sleep 0.05; done
            """;

    @TempDir
    static Path dir;
    static EngineFixture engine;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = EngineFixture.start(dir.resolve("engine"));
        engine.put(ObjectType.CONFIG, "{\"name\": \"plain\", \"type\": \"parameter\"}");
        engine.put(ObjectType.PIPELINE, "{\"name\": \"none-pipe\"}");
        engine.put(ObjectType.SERVICE, "{\"name\": \"web\", \"pipeline\": \"none-pipe\", \"config\": \"plain\"}");
        engine.put(ObjectType.SERVICE, "{\"name\": \"lonely\", \"pipeline\": \"none-pipe\", \"config\": \"plain\"}");
        ping("web-b", "web", "ok", "10.1.0.2", 8082);
        ping("web-a", "web", "ok", "10.1.0.1", 8081);
        ping("web-c", "web", "failed", "10.1.0.3", 8083);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    /** Writes an instance the way a launcher with a ttl does, through instance-ping. */
    private static void ping(String name, String service, String status, String host, int port) {
        engine.client().pingInstance(name, ReflexObject.parse("""
                {"status": "%s", "service": "%s", "address": {"host": "%s", "port": %d},
                 "lifecycle": {"state": "ready", "version": "2.0.1", "started": "2026-11-21T21:00:00Z",
                               "heartbeat": "%s", "ttl": 60}}""".formatted(status, service, host, port, Instant.now())));
    }

    /** A service running {@code app.sh} in its own directory, with the given links. */
    private static Path service(String name, String links, String appBody) throws Exception {
        Path rundir = Files.createDirectories(dir.resolve(name));
        Apps.script(rundir, "app.sh", appBody);
        engine.put(ObjectType.PIPELINE, """
                {"name": "%s-pipe", "launch": {"rundir": "%s", "cfgdir": "%s/cfg", "exec": ["./app.sh"]}}"""
                .formatted(name, rundir, rundir));
        engine.put(ObjectType.SERVICE, """
                {"name": "%s", "pipeline": "%s-pipe", "config": "plain", "links": %s}""".formatted(name, name, links));
        return rundir;
    }

    private static LaunchProcess launch(String... args) throws IOException {
        return LaunchProcess.start(dir, engine.environment(), List.of(args));
    }

    private static String hostname() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }

    @Test
    void theAppGetsUrlHostAndPortOfTheLinkedServicesHealthyInstances() throws Exception {
        service("worker", "[\"web\", {\"service\": \"web\", \"as\": \"api\", \"scheme\": \"https\"}]", PRINT_LINKS);

        LaunchProcess launch = launch("service", "worker");

        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        assertThat(launch.stdout()).isEqualTo("""
                API_HOST=10.1.0.1
                API_PORT=8081
                API_URL=https://10.1.0.1:8081
                API_URLS=https://10.1.0.1:8081,https://10.1.0.2:8082
                WEB_HOST=10.1.0.1
                WEB_PORT=8081
                WEB_URL=http://10.1.0.1:8081
                WEB_URLS=http://10.1.0.1:8081,http://10.1.0.2:8082
                """);
    }

    @Test
    void launchEnvPrintsTheLinksVariablesAfterTheConfigs() throws Exception {
        service("env-worker", "[\"web\"]", "exit 0");

        LaunchProcess launch = launch("env", "env-worker");

        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        assertThat(launch.stdout()).contains("export APP_SERVICE=\"env-worker\"\n").endsWith("""
                export TMPDIR="."
                export WEB_URL="http://10.1.0.1:8081"
                export WEB_HOST="10.1.0.1"
                export WEB_PORT="8081"
                export WEB_URLS="http://10.1.0.1:8081,http://10.1.0.2:8082"
                """);
    }

    @Test
    void aLinkToAMissingServiceStopsTheLaunchAsAConfigErrorAndMarksTheInstanceFailed() throws Exception {
        Path rundir = service("typo", "[\"wbe\"]", "touch started");

        LaunchProcess launch = launch("service", "typo");

        assertThat(launch.waitFor()).isEqualTo(5);
        assertThat(launch.stderr()).contains("Reflex ABORT: Service typo links to wbe, which does not exist")
                .doesNotContain("Exception");
        assertThat(rundir.resolve("started")).doesNotExist();
        ReflexObject instance = engine.client().get(ObjectType.INSTANCE, "typo-" + hostname());
        assertThat(instance.text("status")).contains("failed");
        assertThat(instance.field("lifecycle").map(l -> l.path("state").asText())).contains("failed");
    }

    @Test
    void aLinkWithoutHealthyInstancesIsLoggedAndLeavesItsVariablesUnset() throws Exception {
        service("waits", "[\"lonely\"]", PRINT_LINKS);

        LaunchProcess launch = launch("service", "waits");

        assertThat(launch.waitFor()).as(launch.stderr()).isZero();
        assertThat(launch.stdout()).isEmpty();
        assertThat(launch.stderr()).contains("Link lonely has no healthy instance; LONELY_URL, LONELY_HOST,"
                + " LONELY_PORT and LONELY_URLS are not set");
    }

    @Test
    void watchLinksRewritesTheFileAndSignalsTheAppOnlyWhenAnInstanceComesOrGoes() throws Exception {
        engine.put(ObjectType.SERVICE, "{\"name\": \"shop\", \"pipeline\": \"none-pipe\", \"config\": \"plain\"}");
        ping("shop-1", "shop", "ok", "10.2.0.1", 9001);
        Path rundir = service("front", "[\"shop\"]", TRAPS);
        Path links = rundir.resolve("cfg/links.json");
        Path signals = rundir.resolve("signals.txt");
        List<String> args = new ArrayList<>(List.of("service", "front", "--mode", "supervise", "--grace", "2s",
                "--watch-links", "--debug"));
        LaunchProcess launch = LaunchProcess.start(dir, engine.environment(), args);
        try {
            awaitOrShow(launch, () -> Files.exists(rundir.resolve("app.pid")));
            assertThat(urls(links)).containsExactly("http://10.2.0.1:9001");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(links))).isEqualTo("rw-r--r--");

            ping("shop-2", "shop", "ok", "10.2.0.2", 9002);
            awaitOrShow(launch, () -> lines(signals) == 1);
            assertThat(urls(links)).containsExactly("http://10.2.0.1:9001", "http://10.2.0.2:9002");

            long unchangedBefore = count(launch.stderr(), "Links unchanged");
            ping("shop-1", "shop", "ok", "10.2.0.1", 9001);
            awaitOrShow(launch, () -> count(launch.stderr(), "Links unchanged") > unchangedBefore);
            assertThat(lines(signals)).as("a heartbeat changes nothing a client connects to").isEqualTo(1);

            ping("shop-2", "shop", "failed", "10.2.0.2", 9002);
            awaitOrShow(launch, () -> lines(signals) == 2);
            assertThat(urls(links)).containsExactly("http://10.2.0.1:9001");
            assertThat(Files.readAllLines(signals)).containsExactly("HUP", "HUP");
        } finally {
            new ProcessBuilder("kill", "-TERM", Long.toString(launch.pid())).start().waitFor();
            launch.waitFor();
        }
    }

    @Test
    void launchInstancesListsEveryInstanceAsATableOrJson() throws Exception {
        LaunchProcess table = launch("instances", "web");
        LaunchProcess json = launch("instances", "web", "--format", "json");
        LaunchProcess unknown = launch("instances", "nosuch");

        assertThat(table.waitFor()).as(table.stderr()).isZero();
        assertThat(table.stdout()).isEqualTo("""
                NAME   SERVICE  HOST      PORT  STATUS  STATE  COLOR  VERSION  STARTED
                web-a  web      10.1.0.1  8081  ok      ready         2.0.1    2026-11-21T21:00:00Z
                web-b  web      10.1.0.2  8082  ok      ready         2.0.1    2026-11-21T21:00:00Z
                web-c  web      10.1.0.3  8083  failed  ready         2.0.1    2026-11-21T21:00:00Z
                """);
        assertThat(json.waitFor()).as(json.stderr()).isZero();
        JsonNode rows = EngineFixture.JSON.readTree(json.stdout());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).toString()).isEqualTo("{\"name\":\"web-c\",\"service\":\"web\",\"host\":\"10.1.0.3\","
                + "\"port\":8083,\"status\":\"failed\",\"state\":\"ready\",\"color\":null,\"version\":\"2.0.1\","
                + "\"started\":\"2026-11-21T21:00:00Z\"}");
        assertThat(unknown.waitFor()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("Reflex ABORT: Cannot find service: nosuch");
    }

    /** Waits for {@code condition}; on a timeout the failure shows what the launcher logged. */
    private static void awaitOrShow(LaunchProcess launch, Callable<Boolean> condition) throws IOException {
        try {
            await().atMost(Duration.ofSeconds(30)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("launch stderr:\n" + launch.stderr(), e);
        }
    }

    private static List<String> urls(Path links) throws IOException {
        List<String> urls = new ArrayList<>();
        EngineFixture.JSON.readTree(links.toFile()).path("SHOP").path("instances")
                .forEach(instance -> urls.add(instance.path("url").asText()));
        return urls;
    }

    private static long lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private static long count(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }
}
