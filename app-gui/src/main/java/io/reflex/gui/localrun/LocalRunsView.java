package io.reflex.gui.localrun;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Local runs: a service name, Run here / Stop / Preview; the runs on the left; on the right the chosen run's output
 * with its process status and lifecycle state, and the preview of {@code launch config} and {@code launch env}.
 */
public final class LocalRunsView {
    private final BorderPane root = new BorderPane();
    private final LocalRunsViewModel model;
    private final TextField service = new TextField();
    private final TabPane tabs = new TabPane();

    public LocalRunsView(LocalRunsViewModel model) {
        this.model = model;
        root.setId("local-runs-view");
        root.setTop(toolbar());
        SplitPane split = new SplitPane(runList(), details());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.22);
        root.setCenter(split);
    }

    public Node root() {
        return root;
    }

    /** Puts {@code name} in the service field, as when a service is open elsewhere. */
    public void suggest(String name) {
        if (service.getText().isBlank()) {
            service.setText(name);
        }
    }

    private Node toolbar() {
        service.setId("run-service");
        service.setPromptText("service name");
        service.setPrefColumnCount(16);
        Button run = new Button("Run here", new FontIcon(Feather.PLAY));
        run.setId("run-button");
        run.setOnAction(e -> model.run(service.getText().strip()));
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        stop.setId("stop-run-button");
        stop.setOnAction(e -> model.stop(model.selectedProperty().get()));
        stop.disableProperty().bind(model.selectedProperty().isNull());
        Button preview = new Button("Preview", new FontIcon(Feather.EYE));
        preview.setId("preview-button");
        preview.setOnAction(e -> {
            model.preview(service.getText().strip());
            tabs.getSelectionModel().select(1);
        });
        for (Button each : new Button[] {run, preview}) {
            each.disableProperty().bind(service.textProperty().isEmpty());
        }
        return new ToolBar(new Label("Service"), service, run, stop, preview);
    }

    private Node runList() {
        ListView<LocalRun> runs = new ListView<>(model.getRuns());
        runs.setId("local-runs");
        runs.setPlaceholder(new Label("Nothing runs here yet."));
        runs.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LocalRun run, boolean empty) {
                super.updateItem(run, empty);
                textProperty().unbind();
                if (empty || run == null) {
                    setText(null);
                } else {
                    textProperty().bind(Bindings.concat(run.service(), "\n", run.statusProperty()));
                }
            }
        });
        runs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> runs.getSelectionModel().select(now));
        return runs;
    }

    private Node details() {
        Tab output = new Tab("Output", outputPane());
        output.setId("run-output-tab");
        Tab preview = new Tab("Preview", previewPane());
        preview.setId("run-preview-tab");
        tabs.getTabs().addAll(output, preview);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private Node outputPane() {
        Label status = new Label();
        status.setId("run-status");
        Label lifecycle = new Label();
        lifecycle.setId("run-lifecycle");
        ListView<String> lines = new ListView<>();
        lines.setId("run-output");
        lines.getStyleClass().addAll("monospace", atlantafx.base.theme.Styles.DENSE);
        ListChangeListener<String> follow = change -> {
            if (!lines.getItems().isEmpty()) {
                lines.scrollTo(lines.getItems().size() - 1);
            }
        };
        model.selectedProperty().addListener((o, was, now) -> {
            status.textProperty().unbind();
            lifecycle.textProperty().unbind();
            if (was != null) {
                was.getOutput().removeListener(follow);
            }
            if (now == null) {
                lines.setItems(FXCollections.observableArrayList());
                status.setText("");
                lifecycle.setText("");
                return;
            }
            lines.setItems(now.getOutput());
            now.getOutput().addListener(follow);
            status.textProperty().bind(Bindings.concat("launch service ", now.service(), " --mode supervise: ",
                    now.statusProperty()));
            lifecycle.textProperty().bind(Bindings.when(now.lifecycleProperty().isEmpty())
                    .then("instance " + now.instanceName() + " not registered yet")
                    .otherwise(Bindings.concat("instance ", now.instanceName(), ": ", now.lifecycleProperty())));
        });
        VBox head = new VBox(2, status, lifecycle);
        head.setPadding(new Insets(6, 8, 6, 8));
        BorderPane pane = new BorderPane(lines);
        pane.setTop(head);
        return pane;
    }

    private Node previewPane() {
        Label summary = new Label();
        summary.setId("preview-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.previewSummaryProperty());
        ToggleButton reveal = new ToggleButton("Reveal secrets");
        reveal.setId("preview-reveal");
        reveal.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                model.reveal();
            } else {
                model.hide();
            }
        });
        model.revealedProperty().addListener((o, was, now) -> reveal.setSelected(now));
        HBox head = new HBox(8, summary, reveal);
        HBox.setHgrow(summary, Priority.ALWAYS);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(6, 8, 6, 8));
        TextArea config = readOnly("preview-config", model.previewConfigProperty());
        TextArea env = readOnly("preview-env", model.previewEnvProperty());
        SplitPane texts = new SplitPane(titled("launch config", config), titled("launch env", env));
        texts.setOrientation(Orientation.VERTICAL);
        texts.setDividerPositions(0.65);
        BorderPane pane = new BorderPane(texts);
        pane.setTop(head);
        return pane;
    }

    private static TextArea readOnly(String id, javafx.beans.value.ObservableValue<String> text) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("monospace");
        area.textProperty().bind(text);
        return area;
    }

    private static Node titled(String title, Node content) {
        Label label = new Label(title);
        label.setPadding(new Insets(4, 8, 2, 8));
        BorderPane pane = new BorderPane(content);
        pane.setTop(label);
        return pane;
    }
}
