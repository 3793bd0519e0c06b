package io.reflex.gui.navigation;

import atlantafx.base.theme.Styles;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.gui.objects.Cells;
import io.reflex.gui.objects.TypeSchema;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The browse table of one type, sortable by any column, with both filters and the count above it. */
public final class ObjectListView {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final BorderPane root = new BorderPane();
    private final TableView<ReflexObject> table = new TableView<>();

    public ObjectListView(ObjectListViewModel model, Consumer<ReflexObject> onOpen) {
        root.setId("object-list-view");
        TextField glob = new TextField();
        glob.setId("glob-filter");
        glob.setPromptText("Name glob, e.g. web-*");
        glob.textProperty().bindBidirectional(model.globProperty());
        TextField expression = new TextField();
        expression.setId("expression-filter");
        expression.setPromptText("Filter, e.g. lane=prd and region~eu");
        expression.textProperty().bindBidirectional(model.expressionProperty());
        HBox.setHgrow(expression, Priority.ALWAYS);
        Label count = new Label();
        count.setId("object-count");
        count.textProperty().bind(model.countProperty());
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.filterProblemProperty());
        problem.managedProperty().bind(model.filterProblemProperty().isNotEmpty());
        glob.setPrefWidth(150);
        HBox filters = new HBox(8, glob, expression);
        VBox top = new VBox(6, filters, new HBox(12, count, problem));
        top.setPadding(new Insets(8));

        table.setId("object-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        model.comparatorProperty().bind(table.comparatorProperty());
        table.setSortPolicy(sortedInTheModel -> true);
        table.setItems(model.getShown());
        table.setPlaceholder(new Label("Nothing here yet."));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                onOpen.accept(now);
            }
        });
        model.typeProperty().addListener((o, was, now) -> columns(now));
        columns(model.typeProperty().get());
        root.setTop(top);
        root.setCenter(table);
    }

    public Node root() {
        return root;
    }

    /** Selects the row of {@code name} without reopening it, so back and forward keep the table in step. */
    public void select(String name) {
        table.getItems().stream().filter(o -> o.name().equals(name)).findFirst()
                .ifPresent(o -> table.getSelectionModel().select(o));
    }

    private void columns(ObjectType type) {
        table.getColumns().clear();
        table.getColumns().add(column("name", ReflexObject::name, 170));
        for (String field : TypeSchema.columns(type)) {
            table.getColumns().add(column(field, o -> Cells.text(o, field), 110));
        }
        table.getColumns().add(column("updated", o -> o.updatedAt().map(TIME::format).orElse(""), 150));
        table.getSortOrder().setAll(table.getColumns().getFirst());
    }

    private static TableColumn<ReflexObject, String> column(String title, Function<ReflexObject, String> value,
            double width) {
        TableColumn<ReflexObject, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
