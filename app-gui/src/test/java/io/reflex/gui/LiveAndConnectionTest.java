package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.gui.connection.ConnectionState;
import io.reflex.gui.instances.InstanceRow;
import io.reflex.gui.instances.LiveInstance;
import io.reflex.gui.objects.JsonText;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

class LiveAndConnectionTest extends ConsoleRobotTest {

    private void ping(String name, String state, long heartbeat) {
        client.pingInstance(name, ReflexObject.of(JsonText.parseObject("""
                {"service": "demo-shop-tst", "status": "ok", "address": {"host": "10.0.0.7", "port": 8443},
                 "lifecycle": {"state": "%s", "version": "2.0.0", "started": %d, "heartbeat": %d}}"""
                .formatted(state, heartbeat - 60, heartbeat))));
    }

    private InstanceRow row(TableView<LiveInstance> table, String name) {
        return rows(table).filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static Stream<InstanceRow> rows(TableView<LiveInstance> table) {
        return table.getItems().stream().map(LiveInstance::get);
    }

    private static List<String> names(TableView<LiveInstance> table) {
        return rows(table).map(InstanceRow::name).toList();
    }

    @Test
    void instanceTableFollowsLifecycleChangesFromTheWatchFeed() throws Exception {
        clickOn("live instances");
        TableView<LiveInstance> table = lookup("#instances-table").queryTableView();
        assertThat(table.getItems()).hasSize(4);

        long now = Instant.now().getEpochSecond();
        ping("web-7", "starting", now);
        waitUntil(() -> row(table, "web-7") != null && row(table, "web-7").state().equals("starting"));
        assertThat(row(table, "web-7").address()).isEqualTo("10.0.0.7:8443");

        ping("web-7", "ready", now);
        waitUntil(() -> row(table, "web-7").state().equals("ready"));
        assertThat(row(table, "web-7").stale(Instant.now())).isFalse();

        ping("web-7", "ready", now - 600);
        waitUntil(() -> row(table, "web-7").stale(Instant.now()));
        assertThat(text("#instances-summary")).isEqualTo("5 instances, 1 stale (no heartbeat for 3 intervals)");

        client.delete(ObjectType.INSTANCE, "web-7");
        waitUntil(() -> row(table, "web-7") == null);
    }

    @Test
    void aRowTurnsStaleAndItsHeartbeatAgesAsTimePassesWithoutAnotherEvent() throws Exception {
        clickOn("live instances");
        long now = Instant.now().getEpochSecond();
        client.pingInstance("web-9", ReflexObject.of(JsonText.parseObject("""
                {"service": "demo-shop-tst", "status": "ok",
                 "lifecycle": {"state": "ready", "started": %d, "heartbeat": %d, "ttl": 3}}""".formatted(now, now))));
        Predicate<Node> web9 = r -> r instanceof TableRow<?> tableRow
                && tableRow.getItem() instanceof LiveInstance item && item.get().name().equals("web-9");
        // the row's cell appears at the layout pulse after the model has the row
        waitUntil(() -> lookup(".table-row-cell").match(web9).tryQuery().isPresent());
        TableRow<?> shown = lookup(".table-row-cell").match(web9).query();
        assertThat(shown.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("stale"));

        waitUntil(() -> shown.getPseudoClassStates().contains(PseudoClass.getPseudoClass("stale")));
        assertThat(lookup(".table-cell").match(cell -> cell.getParent() == shown
                && ((TableCell<?, ?>) cell).getText() != null && ((TableCell<?, ?>) cell).getText().contains("s ago"))
                .queryAs(TableCell.class).getText()).doesNotContain("(0s ago)").doesNotContain("(1s ago)");
    }

    @Test
    void afterSortingByAColumnEachHeartbeatStillLandsOnItsOwnRow() throws Exception {
        clickOn("live instances");
        TableView<LiveInstance> table = lookup("#instances-table").queryTableView();
        waitUntil(() -> table.getItems().size() == 4);
        List<String> listed = names(table);
        // What a click on the column header does (twice: descending). The headless platform's robot marks every press
        // as a popup trigger, on which the header does not sort, so the test sets the sort order as the header would.
        interact(() -> {
            TableColumn<LiveInstance, ?> instance = table.getColumns().getFirst();
            instance.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(instance));
        });
        List<String> descending = listed.stream().sorted(Comparator.reverseOrder()).toList();
        waitUntil(() -> names(table).equals(descending));

        String last = descending.getLast();
        ping(last, "failed", Instant.now().getEpochSecond());
        waitUntil(() -> row(table, last).state().equals("failed"));

        assertThat(names(table)).containsExactlyElementsOf(descending);
        assertThat(rows(table)).filteredOn(r -> r.state().equals("failed")).extracting(InstanceRow::name)
                .containsExactly(last);
    }

    @Test
    void theRowsKeepFollowingTheFeedWhileAnotherViewIsShownAndF5ListsThemAgain() throws Exception {
        clickOn("live instances");
        TableView<LiveInstance> table = lookup("#instances-table").queryTableView();
        waitUntil(() -> table.getItems().size() == 4);
        InstanceRow listed = table.getItems().getFirst().get();

        clickOn("configs");
        ping("web-8", "ready", Instant.now().getEpochSecond());
        clickOn("live instances");
        waitUntil(() -> row(table, "web-8") != null);
        assertThat(rows(table)).as("the rows were not listed again").anyMatch(shown -> shown == listed);

        clickOn("#refresh-button");
        waitUntil(() -> table.getItems().size() == 5 && rows(table).noneMatch(shown -> shown == listed));
        assertThat(row(table, listed.name())).isEqualTo(listed);
    }

    @Test
    void losingTheEngineSaysSoAndTheConsoleReconnectsWhenItIsBack() throws Exception {
        interact(() -> console.model().open(ObjectType.CONFIG, "demo-common"));
        fill("#field-extends", "demo-tst");
        engine.stop();

        clickOn("#refresh-button");
        assertThat(text("#notification-text")).endsWith(": The engine does not answer; the console keeps retrying.");
        waitUntil(() -> console.model().getConnection().getState() == ConnectionState.LOST);
        assertThat(text("#connection-status")).startsWith("Connection lost, retrying…");

        engine.restart();
        waitUntil(() -> console.model().getConnection().getState() == ConnectionState.CONNECTED);
        assertThat(text("#connection-status")).startsWith("Connected");
        assertThat(text("#field-extends")).as("unsaved edits survive the reconnect").isEqualTo("demo-tst");
        clickOn("#save-button");
        assertThat(client.get(ObjectType.CONFIG, "demo-common").field("extends").orElseThrow().toString())
                .contains("demo-tst");
    }
}
