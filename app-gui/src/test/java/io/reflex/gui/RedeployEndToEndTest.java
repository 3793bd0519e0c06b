package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.gui.instances.InstanceRow;
import io.reflex.gui.instances.LiveInstance;
import io.reflex.gui.localrun.LocalRun;
import io.reflex.gui.localrun.LocalRunsViewModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole path with real parts: the demo web app run by a real launcher in supervise mode behind its proxy, a
 * redeploy asked for with the console's button, the launcher starting the next color, and the console showing the
 * instance's states as the launcher reports them, while requests through the proxy keep being answered.
 */
class RedeployEndToEndTest extends ConsoleRobotTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private TableView<LiveInstance> table;

    private String pidBehind(int proxyPort) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + "/"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll("(?s).*\"pid\": (\\d+).*", "$1");
    }

    private LiveInstance item(String name) {
        return table.getItems().stream().filter(r -> r.get().name().equals(name)).findFirst().orElse(null);
    }

    private InstanceRow row(String name) {
        LiveInstance item = item(name);
        return item == null ? null : item.get();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aRedeployFromTheConsoleMovesTheInstanceToTheNextColorWithoutDroppingARequest() throws Exception {
        int proxyPort = LocalRunsViewModel.freePort();
        LocalRun run = runReady(proxyPort);
        assertThat(row(run.instanceName()).color()).isEqualTo("1");
        assertThat(row(run.instanceName()).address()).endsWith(":" + proxyPort);
        String firstPid = pidBehind(proxyPort);

        Set<String> redeployStates = ConcurrentHashMap.newKeySet();
        interact(() -> console.model().getInstances().getRows().addListener((ListChangeListener<InstanceRow>) change -> {
            InstanceRow now = row(run.instanceName());
            if (now != null) {
                redeployStates.add(now.redeploy().state());
            }
        }));
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Thread load = Thread.ofVirtual().start(() -> {
            while (loading.get()) {
                try {
                    pidBehind(proxyPort);
                    answered.incrementAndGet();
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
        });

        interact(() -> table.getSelectionModel().select(item(run.instanceName())));
        fill("#redeploy-build", "2.0.0");
        clickOn("#redeploy-service-button");
        clickOn("#confirm-button");
        waitForLaunchersUntil(() -> console.model().getRedeploy().outcomeProperty().get() != null);
        loading.set(false);
        load.join();

        assertThat(console.model().getRedeploy().outcomeProperty().get().success()).isTrue();
        waitUntil(() -> text("#notification-text").startsWith("Redeploy of demo-web-tst finished"));
        InstanceRow after = row(run.instanceName());
        assertThat(after.color()).isEqualTo("2");
        assertThat(after.version()).isEqualTo("2.0.0");
        assertThat(after.redeploy().state()).isEqualTo("done");
        waitUntil(() -> redeployStates.contains("done"));
        assertThat(redeployStates).as("states seen in the table").contains("deploying", "done");
        assertThat(pidBehind(proxyPort)).isNotEqualTo(firstPid);
        assertThat(answered.get()).isPositive();
        assertThat(failed.get()).as("requests failed during the redeploy").isZero();

        interact(() -> console.model().getLocalRuns().stop(run));
        waitUntil(() -> run.phaseProperty().get() == LocalRun.Phase.EXITED);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void oneInstanceOnThisMachineIsRedeployedAloneThroughItsControlSocket() throws Exception {
        int proxyPort = LocalRunsViewModel.freePort();
        LocalRun run = runReady(proxyPort);
        String firstPid = pidBehind(proxyPort);

        interact(() -> table.getSelectionModel().select(item(run.instanceName())));
        fill("#redeploy-build", "3.0.0");
        clickOn("#redeploy-instance-button");
        assertThat(lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .startsWith("Redeploy only " + run.instanceName() + ": its launcher starts a new color of demo-web-tst")
                .contains("(launch redeploy demo-web-tst)");
        clickOn("#confirm-button");
        waitForLaunchersUntil(() -> console.model().getRedeploy().outcomeProperty().get() != null);

        assertThat(console.model().getRedeploy().outcomeProperty().get().success()).isTrue();
        waitUntil(() -> row(run.instanceName()).color().equals("2"));
        assertThat(row(run.instanceName()).version()).isEqualTo("3.0.0");
        assertThat(pidBehind(proxyPort)).isNotEqualTo(firstPid);
        assertThat(client.get(io.reflex.client.ObjectType.SERVICE, "demo-web-tst").field("redeploy"))
                .as("nothing was asked on the engine").isEmpty();
        interact(() -> console.model().getLocalRuns().stop(run));
        waitUntil(() -> run.phaseProperty().get() == LocalRun.Phase.EXITED);
    }

    /** Runs demo-web-tst behind the launcher's proxy on {@code proxyPort} and shows the live table once it is ready. */
    private LocalRun runReady(int proxyPort) throws Exception {
        interact(() -> console.model().getLocalRuns().runWithProxy("demo-web-tst", proxyPort));
        LocalRun run = console.model().getLocalRuns().selectedProperty().get();
        clickOn("live instances");
        table = lookup("#instances-table").queryTableView();
        waitForLaunchersUntil(() -> row(run.instanceName()) != null
                && row(run.instanceName()).state().equals("ready"));
        return run;
    }
}
