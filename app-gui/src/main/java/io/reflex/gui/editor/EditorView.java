package io.reflex.gui.editor;

import io.reflex.client.ObjectType;
import io.reflex.gui.objects.FieldSpec;
import io.reflex.gui.objects.TypeSchema;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/** The editor: form on the left, whole-object JSON on the right, conflicts laid over both. */
public final class EditorView {
    private final EditorViewModel model;
    private final StackPane root = new StackPane();
    private final CodeArea code = new CodeArea();
    private final GridPane form = new GridPane();

    public EditorView(EditorViewModel model) {
        this.model = model;
        root.setId("editor-view");
        BorderPane main = new BorderPane();
        main.setTop(toolbar());
        main.setCenter(body());
        main.setBottom(problemLine());
        root.getChildren().addAll(main, conflictPane());
        model.typeProperty().addListener((o, was, now) -> buildForm(now));
        buildForm(model.typeProperty().get());
        bindCode();
        main.disableProperty().bind(model.openProperty().not());
    }

    public Node root() {
        return root;
    }

    /** Two rows: the actions every object has, then the config-only ones, so nothing hides in an overflow menu. */
    private Node toolbar() {
        Label title = new Label();
        title.setId("editor-title");
        title.getStyleClass().add("title-4");
        title.textProperty().bind(Bindings.when(model.dirtyProperty())
                .then(Bindings.concat(model.titleProperty(), " •")).otherwise(model.titleProperty()));
        Button save = button("Save", "save-button", model::save);
        save.getStyleClass().add("accent");
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(6, title, spacer, button("Copy", "copy-button", model::copy),
                button("Delete", "delete-button", model::delete), save);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Button reveal = button("", "reveal-button", () -> {
            if (model.revealedProperty().get()) {
                model.hide();
            } else {
                model.reveal();
            }
        });
        reveal.textProperty().bind(Bindings.when(model.revealedProperty()).then("Hide secrets").otherwise("Reveal secrets"));
        reveal.disableProperty().bind(model.hasSecretProperty().not());
        HBox configActions = new HBox(6, reveal,
                button("setenv as KEY=value", "bulk-setenv-button", () -> bulk("setenv")),
                button("secrets as KEY=value", "bulk-secrets-button", () -> bulk("sensitive.parameters")));
        configActions.visibleProperty().bind(model.typeProperty().isEqualTo(ObjectType.CONFIG));
        configActions.managedProperty().bind(configActions.visibleProperty());
        VBox bar = new VBox(6, actions, configActions);
        bar.setId("editor-toolbar");
        bar.setPadding(new Insets(8));
        return bar;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private Node body() {
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(labels);
        form.setHgap(8);
        form.setVgap(8);
        form.setPadding(new Insets(12));
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        code.setId("json-editor");
        code.setParagraphGraphicFactory(LineNumberFactory.get(code));
        SplitPane split = new SplitPane(formScroll, new VirtualizedScrollPane<>(code));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.45);
        return split;
    }

    private Node problemLine() {
        Label problem = new Label();
        problem.setId("json-problem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setPadding(new Insets(4, 12, 4, 12));
        return problem;
    }

    private void buildForm(ObjectType type) {
        form.getChildren().clear();
        addRow(0, "name", textField("name", true));
        List<FieldSpec> fields = TypeSchema.fields(type);
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec spec = fields.get(i);
            Node editor = switch (spec.kind()) {
                case CHOICE -> choice(spec);
                case OBJECT -> textField(spec.name(), false);
                default -> textField(spec.name(), true);
            };
            addRow(i + 1, spec.name() + (spec.required() ? " *" : ""), editor);
        }
    }

    private void addRow(int row, String label, Node editor) {
        GridPane.setHgrow(editor, Priority.ALWAYS);
        form.addRow(row, new Label(label), editor);
    }

    private TextField textField(String field, boolean editable) {
        TextField text = new TextField();
        text.setId("field-" + field);
        text.setEditable(editable);
        text.textProperty().bindBidirectional(model.formField(field));
        if (!editable) {
            text.setTooltip(new javafx.scene.control.Tooltip("Edit this in the JSON editor"));
        }
        return text;
    }

    private ComboBox<String> choice(FieldSpec spec) {
        ComboBox<String> box = new ComboBox<>();
        box.setId("field-" + spec.name());
        box.getItems().setAll(spec.choices());
        box.valueProperty().bindBidirectional(model.formField(spec.name()));
        return box;
    }

    private void bindCode() {
        code.textProperty().addListener((o, was, now) -> {
            if (!now.equals(model.textProperty().get())) {
                model.textProperty().set(now);
            }
            code.setStyleSpans(0, JsonHighlighter.spans(now));
        });
        model.textProperty().addListener((o, was, now) -> {
            if (!now.equals(code.getText())) {
                code.replaceText(now);
            }
        });
        model.problemLineProperty().addListener((o, was, now) -> markLine(was.intValue(), now.intValue()));
    }

    private void markLine(int previous, int line) {
        if (previous > 0 && previous <= code.getParagraphs().size()) {
            code.setParagraphStyle(previous - 1, List.of());
        }
        if (line > 0 && line <= code.getParagraphs().size()) {
            code.setParagraphStyle(line - 1, List.of("error-line"));
        }
    }

    private void bulk(String path) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Edit " + path);
        dialog.initOwner(root.getScene().getWindow());
        TextArea lines = new TextArea(model.keyValues(path));
        lines.setId("bulk-text");
        lines.setPrefRowCount(14);
        lines.setPromptText("KEY=value, one per line; paste a .env file");
        dialog.getDialogPane().setContent(new VBox(8, new Label("One KEY=value per line. This replaces " + path + "."), lines));
        ButtonType apply = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        dialog.showAndWait().filter(apply::equals).ifPresent(b -> model.applyKeyValues(path, lines.getText()));
    }

    private Node conflictPane() {
        TextArea theirs = conflictText("conflict-theirs");
        TextArea yours = conflictText("conflict-yours");
        model.conflictProperty().addListener((o, was, now) -> {
            theirs.setText(now == null ? "" : now.theirs());
            yours.setText(now == null ? "" : now.yours());
        });
        Label heading = new Label("Someone else saved this object after you opened it. Nothing was overwritten.");
        heading.getStyleClass().add("title-4");
        HBox sides = new HBox(12, column("Theirs (on the engine now)", theirs), column("Yours (not saved)", yours));
        VBox.setVgrow(sides, Priority.ALWAYS);
        Button overwrite = button("Overwrite with mine", "overwrite-button", model::overwrite);
        overwrite.getStyleClass().add("danger");
        HBox actions = new HBox(8, button("Reload theirs and merge mine", "merge-button", model::reloadAndMerge),
                overwrite, button("Cancel", "conflict-cancel-button", model::cancelConflict));
        VBox pane = new VBox(12, heading, sides, actions);
        pane.setId("conflict-pane");
        pane.setPadding(new Insets(16));
        pane.getStyleClass().add("conflict-pane");
        pane.visibleProperty().bind(model.conflictProperty().isNotNull());
        return pane;
    }

    private static TextArea conflictText(String id) {
        TextArea text = new TextArea();
        text.setId(id);
        text.setEditable(false);
        text.getStyleClass().add("monospace");
        return text;
    }

    private static VBox column(String label, TextArea text) {
        VBox.setVgrow(text, Priority.ALWAYS);
        VBox column = new VBox(6, new Label(label), text);
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }
}
