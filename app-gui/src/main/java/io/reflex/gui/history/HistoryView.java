package io.reflex.gui.history;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import java.util.function.Function;

/** Versions on the left; the chosen version and the current one side by side, changed lines marked. */
public final class HistoryView {
    private final BorderPane root = new BorderPane();

    public HistoryView(HistoryViewModel model) {
        root.setId("history-view");
        ListView<HistoryViewModel.Version> versions = new ListView<>(model.getVersions());
        versions.setId("history-versions");
        versions.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> versions.getSelectionModel().select(now));
        ListView<LineDiff.Row> left = diffColumn(model, LineDiff.Row::left, "removed");
        left.setId("history-old");
        ListView<LineDiff.Row> right = diffColumn(model, LineDiff.Row::right, "added");
        right.setId("history-current");
        HBox columns = new HBox(8, titled("This version", left), titled("Current", right));
        SplitPane split = new SplitPane(titled("Versions", versions), columns);
        split.setDividerPositions(0.3);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        Button restore = new Button("Restore this version");
        restore.setId("restore-button");
        restore.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        restore.disableProperty().bind(Bindings.isEmpty(model.getDiff()));
        restore.setOnAction(e -> model.restore());
        HBox bar = new HBox(12, status, new HBox(), restore);
        HBox.setHgrow(bar.getChildren().get(1), Priority.ALWAYS);
        bar.setPadding(new Insets(8));
        root.setTop(bar);
        root.setCenter(split);
    }

    public Node root() {
        return root;
    }

    private static ListView<LineDiff.Row> diffColumn(HistoryViewModel model, Function<LineDiff.Row, String> side,
            String changedClass) {
        ListView<LineDiff.Row> column = new ListView<>(model.getDiff());
        column.getStyleClass().add("diff-column");
        column.setFixedCellSize(22);
        column.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LineDiff.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("added", "removed", "blank");
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                String text = side.apply(row);
                setText(text == null ? "" : text);
                if (text == null) {
                    getStyleClass().add("blank");
                } else if (row.changed()) {
                    getStyleClass().add(changedClass);
                }
            }
        });
        return column;
    }

    private static VBox titled(String title, Node content) {
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(4, new Label(title), content);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }
}
