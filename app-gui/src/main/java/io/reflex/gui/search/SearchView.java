package io.reflex.gui.search;

import java.util.function.Consumer;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Ctrl+K palette: type, arrow down, Enter opens the object. */
public final class SearchView {
    private final SearchViewModel model;
    private final Consumer<SearchViewModel.Hit> onOpen;

    public SearchView(SearchViewModel model, Consumer<SearchViewModel.Hit> onOpen) {
        this.model = model;
        this.onOpen = onOpen;
    }

    public void show(Window owner) {
        model.open();
        Dialog<SearchViewModel.Hit> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Search");
        TextField query = new TextField();
        query.setId("search-field");
        query.setPromptText("Name of any object");
        query.textProperty().bindBidirectional(model.queryProperty());
        ListView<SearchViewModel.Hit> results = new ListView<>(model.getHits());
        results.setId("search-results");
        results.setPrefSize(460, 320);
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ENTER && !results.getItems().isEmpty()) {
                dialog.setResult(results.getItems().getFirst());
                dialog.close();
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && results.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(results.getSelectionModel().getSelectedItem());
                dialog.close();
            }
        });
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && results.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(results.getSelectionModel().getSelectedItem());
                dialog.close();
            }
        });
        dialog.getDialogPane().setContent(new VBox(8, query, results));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResultConverter(button -> null);
        query.requestFocus();
        dialog.showAndWait().ifPresent(onOpen);
    }
}
