package io.reflex.gui.connection;

import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Chooses what to connect to: the local engine, a saved connection, or a new URL and apikey, optionally through an
 * HTTP or SOCKS proxy. A proxy field that cannot work is named under the fields and Connect stays off until fixed.
 */
public final class ConnectionView {
    /** The dialog is its own scene, so the console's styles (the red problem line) are added to it. */
    private static final String STYLESHEET = Objects.requireNonNull(
            ConnectionView.class.getResource("/io/reflex/gui/console.css")).toExternalForm();
    private final SavedConnections saved;
    private final ConnectionTarget local;

    public ConnectionView(SavedConnections saved, ConnectionTarget local) {
        this.saved = saved;
        this.local = local;
    }

    public Optional<ConnectionTarget> choose(Window owner) {
        Dialog<ConnectionTarget> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect to an engine");
        ToggleGroup choice = new ToggleGroup();
        RadioButton useLocal = radio("Local engine (in this process, data in your home directory)", choice);
        RadioButton useSaved = radio("Saved connection", choice);
        RadioButton useNew = radio("Another engine", choice);
        ComboBox<String> savedNames = new ComboBox<>();
        saved.list().forEach(s -> savedNames.getItems().add(s.name()));
        useSaved.setDisable(savedNames.getItems().isEmpty());
        TextField name = new TextField();
        name.setPromptText("name, e.g. staging");
        TextField url = new TextField();
        url.setPromptText("http://host:port/api/v1");
        PasswordField apikey = new PasswordField();
        apikey.setPromptText("name.secret");
        ProxyFields proxy = new ProxyFields();
        CheckBox remember = new CheckBox("Save this connection (apikey encrypted)");
        remember.setSelected(true);
        choice.selectToggle(useLocal);
        useLocal.setId("connection-local");
        useSaved.setId("connection-saved");
        useNew.setId("connection-new");
        savedNames.setId("connection-saved-names");
        name.setId("connection-name");
        url.setId("connection-url");
        apikey.setId("connection-apikey");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        grid.add(useLocal, 0, 0, 2, 1);
        grid.add(useSaved, 0, 1);
        grid.add(savedNames, 1, 1);
        grid.add(useNew, 0, 2, 2, 1);
        grid.addRow(3, new Label("Name"), name);
        grid.addRow(4, new Label("URL"), url);
        grid.addRow(5, new Label("Apikey"), apikey);
        proxy.addTo(grid, 6);
        grid.add(remember, 1, 12);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getStylesheets().add(STYLESHEET);
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(connect).setId("connection-connect");
        dialog.getDialogPane().lookupButton(connect).disableProperty().bind(
                choice.selectedToggleProperty().isEqualTo(useNew).and(proxy.problemProperty().isNotEmpty()));
        dialog.setResultConverter(button -> {
            if (button != connect) {
                return null;
            }
            if (choice.getSelectedToggle() == useSaved) {
                return saved.target(savedNames.getValue()).orElse(null);
            }
            if (choice.getSelectedToggle() == useNew && !url.getText().isBlank()) {
                String label = name.getText().isBlank() ? url.getText() : name.getText().strip();
                ProxySettings settings = proxy.settings();
                if (remember.isSelected()) {
                    saved.save(label, url.getText().strip(), apikey.getText().strip(), settings);
                }
                return new ProfileTarget(label, url.getText().strip(), apikey.getText().strip(), settings);
            }
            return local;
        });
        return dialog.showAndWait();
    }

    private static RadioButton radio(String text, ToggleGroup group) {
        RadioButton radio = new RadioButton(text);
        radio.setToggleGroup(group);
        return radio;
    }
}
