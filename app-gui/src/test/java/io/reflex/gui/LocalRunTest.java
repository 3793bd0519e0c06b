package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.gui.localrun.LocalRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ListView;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Local runs: a real {@code launch service --mode supervise} child process running the demo web app. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LocalRunTest extends ConsoleRobotTest {
    private static final Pattern LISTENING = Pattern.compile("demo web app listening on 127\\.0\\.0\\.1:(\\d+)");

    @Test
    void runsADemoServiceHereShowsItsOutputAndLifecycleAndStopsIt() throws Exception {
        clickOn("local runs");
        fill("#run-service", "demo-web-tst");
        clickOn("#run-button");
        LocalRun run = console.model().getLocalRuns().selectedProperty().get();
        assertThat(run.service()).isEqualTo("demo-web-tst");
        ProcessHandle launcher = ProcessHandle.of(run.pid()).orElseThrow();

        try {
            waitForLaunchersUntil(() -> port(run) > 0 && run.lifecycleProperty().get().equals("ready"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Not ready; lifecycle " + run.lifecycleProperty().get() + ", output:\n"
                    + String.join("\n", List.copyOf(run.getOutput())), e);
        }
        assertThat(text("#run-lifecycle")).isEqualTo("instance " + run.instanceName() + ": ready");
        assertThat(text("#run-status")).startsWith("launch service demo-web-tst --mode supervise: running, pid ")
                .contains(", proxy on 127.0.0.1:");
        int proxyPort = Integer.parseInt(text("#run-status").replaceAll(".*127\\.0\\.0\\.1:", ""));
        assertThat(client.get(io.reflex.client.ObjectType.INSTANCE, run.instanceName()).field("address").orElseThrow()
                .path("port").asInt()).as("the instance is registered with the proxy's port").isEqualTo(proxyPort);
        ListView<String> output = lookup("#run-output").queryListView();
        assertThat(output.getItems()).anyMatch(line -> line.contains("Launch exec="));
        List<ProcessHandle> app = launcher.children().toList();
        assertThat(app).as("the launcher is the app's parent").hasSize(1);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + proxyPort + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("\"service\": \"demo-web-tst\"").contains("db.tst.internal")
                .contains("\"port\": " + port(run));

        clickOn("#stop-run-button");
        waitUntil(() -> run.phaseProperty().get() == LocalRun.Phase.EXITED);
        assertThat(text("#run-status")).endsWith("exited with 0");
        assertThat(launcher.isAlive()).isFalse();
        assertThat(app.getFirst().isAlive()).as("the app stopped with its launcher").isFalse();
        waitUntil(() -> client.get(io.reflex.client.ObjectType.INSTANCE, run.instanceName()).field("lifecycle")
                .orElseThrow().path("state").asText().equals("stopped"));
    }

    @Test
    void aServiceThatCannotRunHereSaysWhyInItsOutput() throws Exception {
        clickOn("local runs");
        fill("#run-service", "demo-shop-tst");
        clickOn("#run-button");
        LocalRun run = console.model().getLocalRuns().selectedProperty().get();
        waitForLaunchersUntil(() -> run.phaseProperty().get() == LocalRun.Phase.EXITED);
        assertThat(run.getOutput()).anyMatch(line -> line.contains("Reflex ABORT:") && line.contains("/app/shop"));
        assertThat(text("#run-status")).endsWith("exited with 6");
    }

    @Test
    void previewShowsLaunchConfigAndEnvWithSecretsMaskedUntilRevealed() {
        clickOn("local runs");
        fill("#run-service", "demo-shop-prd");
        clickOn("#preview-button");
        assertThat(text("#preview-summary")).startsWith("launch config demo-shop-prd and launch env demo-shop-prd");
        assertThat(text("#preview-config")).contains("\"DB_HOST\": \"db.prd.internal\"").contains("••••••")
                .doesNotContain("prd-very-secret");
        assertThat(text("#preview-env")).contains("export DB_HOST=\"db.prd.internal\"")
                .contains("export DATABASE_URL=\"••••••\"").doesNotContain("prd-very-secret");
        clickOn("#preview-reveal");
        assertThat(text("#preview-env")).contains("postgres://shop:prd-very-secret@db.prd.internal/shop");
        assertThat(console.model().getLocalRuns().getRuns()).as("a preview runs nothing").isEmpty();
    }

    private static int port(LocalRun run) {
        return List.copyOf(run.getOutput()).stream().map(LISTENING::matcher).filter(Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1))).findFirst().orElse(0);
    }
}
