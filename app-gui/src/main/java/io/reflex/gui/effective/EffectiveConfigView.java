package io.reflex.gui.effective;

import io.reflex.client.config.ConfigFile;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import java.util.function.Function;

/** Variables with their origin above, files and their contents below. */
public final class EffectiveConfigView {
    private final BorderPane root = new BorderPane();

    public EffectiveConfigView(EffectiveConfigViewModel model) {
        root.setId("effective-view");
        TableView<EffectiveConfigViewModel.Variable> table = new TableView<>(model.getVariables());
        table.setId("effective-variables");
        table.getColumns().add(column("Variable", EffectiveConfigViewModel.Variable::name, 220));
        table.getColumns().add(column("Value", EffectiveConfigViewModel.Variable::value, 320));
        table.getColumns().add(column("From config", EffectiveConfigViewModel.Variable::from, 160));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        ListView<ConfigFile> files = new ListView<>(model.getFiles());
        files.setId("effective-files");
        files.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ConfigFile file, boolean empty) {
                super.updateItem(file, empty);
                setText(empty || file == null ? null : file.path() + "  (from " + file.config() + ")");
            }
        });
        TextArea contents = new TextArea();
        contents.setId("effective-file-contents");
        contents.setEditable(false);
        contents.getStyleClass().add("monospace");
        Runnable showFile = () -> {
            ConfigFile file = files.getSelectionModel().getSelectedItem();
            contents.setText(file == null ? "" : model.contents(file));
        };
        files.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showFile.run());
        model.revealedProperty().addListener((o, was, now) -> showFile.run());

        Label summary = new Label();
        summary.setId("effective-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setWrapText(true);
        Button reveal = new Button();
        reveal.setId("effective-reveal-button");
        reveal.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reveal.textProperty().bind(Bindings.when(model.revealedProperty()).then("Hide secrets").otherwise("Reveal secrets"));
        reveal.setOnAction(e -> {
            if (model.revealedProperty().get()) {
                model.hide();
            } else {
                model.reveal();
            }
        });
        HBox bar = new HBox(12, summary, new HBox(), reveal);
        HBox.setHgrow(bar.getChildren().get(1), Priority.ALWAYS);
        bar.setPadding(new Insets(8));

        SplitPane filesPane = new SplitPane(box("Files", files), box("Contents", contents));
        filesPane.setDividerPositions(0.35);
        SplitPane split = new SplitPane(box("Environment", table), filesPane);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        root.setTop(bar);
        root.setCenter(split);
    }

    public Node root() {
        return root;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static VBox box(String title, Node content) {
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(4, new Label(title), content);
        box.setPadding(new Insets(4));
        return box;
    }
}
