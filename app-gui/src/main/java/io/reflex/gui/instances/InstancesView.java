package io.reflex.gui.instances;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

/** The live table and, under it, how many instances were in each lifecycle state over the last minute. */
public final class InstancesView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final List<String> STATES = List.of("starting", "preparing", "ready", "draining", "stopped", "failed");
    /**
     * Rows are marked with pseudo-classes, not style classes: a row is restyled on each heartbeat of its instance and
     * as the clock moves on, and a changed style class makes JavaFX work out the row's whole style again, which was
     * a large part of the FX thread's time with a thousand heartbeats a second.
     */
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final Map<String, PseudoClass> STATE_LOOKS = Map.of(
            "failed", PseudoClass.getPseudoClass("state-failed"),
            "draining", PseudoClass.getPseudoClass("state-draining"));
    private final BorderPane root = new BorderPane();
    private final InstancesViewModel model;
    private final Map<String, XYChart.Series<Number, Number>> series = new HashMap<>();
    /**
     * The time the table shows, moved on every second. The cells that depend on it (uptime, last heartbeat, the
     * stale mark) follow it, so the tick updates a few texts; {@code TableView.refresh()} here rebuilt every visible
     * cell, restyling each, which made the tick the longest frame of all with a thousand heartbeats a second.
     */
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>();

    public InstancesView(InstancesViewModel model) {
        this.model = model;
        now.set(model.now());
        root.setId("instances-view");
        TableView<LiveInstance> table = table();
        Label summary = new Label();
        summary.setId("instances-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setPadding(new Insets(6, 8, 6, 8));
        root.setTop(summary);
        root.setCenter(table);
        root.setBottom(chart());
        Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            model.sample();
            now.set(model.now());
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public Node root() {
        return root;
    }

    private TableView<LiveInstance> table() {
        TableView<LiveInstance> table = new TableView<>(new LiveInstances(model.getRows()).items());
        table.setId("instances-table");
        table.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
        table.getColumns().addAll(List.of(
                column("Instance", InstanceRow::name, 140),
                column("Service", InstanceRow::service, 120),
                column("Address", InstanceRow::address, 130),
                column("Status", InstanceRow::status, 65),
                column("State", InstanceRow::state, 80),
                column("Color", InstanceRow::color, 55),
                column("Version", InstanceRow::version, 90),
                column("Redeploy", row -> row.redeploy().toString(), 100),
                ticking("Uptime", InstanceRow::uptime, 75),
                ticking("Last heartbeat", (row, at) -> row.heartbeat().map(beat -> ago(beat, at)).orElse(""), 160)));
        table.setRowFactory(view -> new LiveRow());
        // the selection stays on its row while heartbeats change what the row holds, and so does what it offers
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty().flatMap(item -> item));
        table.setPlaceholder(new Label("No instances yet. Launchers register them with an instance ping."));
        return table;
    }

    /** A row coloured by its state, or marked stale once its heartbeat is overdue as the table's clock moves on. */
    private final class LiveRow extends TableRow<LiveInstance> {
        /** Held here, and given to the clock and the item only weakly, so rows the table drops stop listening. */
        private final InvalidationListener restyle = changed -> mark();
        private final WeakInvalidationListener weakRestyle = new WeakInvalidationListener(restyle);
        private LiveInstance followed;

        LiveRow() {
            now.addListener(weakRestyle);
        }

        @Override
        protected void updateItem(LiveInstance item, boolean empty) {
            super.updateItem(item, empty);
            if (followed != null) {
                followed.removeListener(weakRestyle);
            }
            followed = empty ? null : item;
            if (followed != null) {
                followed.addListener(weakRestyle);
            }
            mark();
        }

        private void mark() {
            InstanceRow row = followed == null ? null : followed.get();
            boolean stale = row != null && row.stale(now.get());
            String state = row == null || stale ? "" : row.state();
            pseudoClassStateChanged(STALE, stale);
            STATE_LOOKS.forEach((name, look) -> pseudoClassStateChanged(look, name.equals(state)));
        }
    }

    private static String ago(Instant when, Instant at) {
        long seconds = Math.max(0, Duration.between(when, at).toSeconds());
        return TIME.format(when) + " (" + seconds + "s ago)";
    }

    /**
     * A column showing part of each row. Its cells follow their row through {@code map}, which listens to the row
     * only while a cell shows it, so sorting 50,000 rows by the column leaves no listeners behind.
     */
    private static TableColumn<LiveInstance, String> column(String title, Function<InstanceRow, String> value,
            double width) {
        return column(title, width, cell -> cell.getValue().map(value));
    }

    /** A column whose text also depends on the table's clock, and changes with it. */
    private TableColumn<LiveInstance, String> ticking(String title, BiFunction<InstanceRow, Instant, String> value,
            double width) {
        return column(title, width, cell -> cell.getValue().flatMap(row -> now.map(at -> value.apply(row, at))));
    }

    private static TableColumn<LiveInstance, String> column(String title, double width,
            Callback<TableColumn.CellDataFeatures<LiveInstance, String>, ObservableValue<String>> value) {
        TableColumn<LiveInstance, String> column = new TableColumn<>(title);
        column.setCellValueFactory(value);
        column.setPrefWidth(width);
        return column;
    }

    private Node chart() {
        NumberAxis time = new NumberAxis(-60, 0, 10);
        time.setLabel("seconds ago");
        time.setAutoRanging(false);
        NumberAxis count = new NumberAxis();
        count.setLabel("instances");
        count.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(time, count);
        chart.setId("instances-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(180);
        chart.setMinHeight(140);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        for (String state : STATES) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(state);
            series.put(state, line);
            chart.getData().add(line);
        }
        model.getSamples().addListener((ListChangeListener<InstancesViewModel.StateSample>) c -> redraw());
        VBox box = new VBox(chart);
        box.setPadding(new Insets(0, 8, 4, 8));
        return box;
    }

    private void redraw() {
        Instant at = model.now();
        series.forEach((state, line) -> line.getData().setAll(model.getSamples().stream()
                .map(s -> new XYChart.Data<Number, Number>(-Duration.between(s.at(), at).toSeconds(),
                        s.counts().getOrDefault(state, 0)))
                .toList()));
    }
}
