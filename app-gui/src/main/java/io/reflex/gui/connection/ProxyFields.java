package io.reflex.gui.connection;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** The proxy part of the connection dialog: kind, host, port, optional user and password, and what is wrong. */
final class ProxyFields {
    private final ComboBox<ProxySettings.Kind> kind = new ComboBox<>();
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label problem = new Label();
    private final StringBinding problemText;

    ProxyFields() {
        kind.getItems().setAll(ProxySettings.Kind.values());
        kind.setValue(ProxySettings.Kind.NONE);
        host.setPromptText("proxy.example.com");
        port.setPromptText("3128");
        user.setPromptText("optional");
        password.setPromptText("optional, kept encrypted like the apikey");
        kind.setId("proxy-kind");
        host.setId("proxy-host");
        port.setId("proxy-port");
        user.setId("proxy-user");
        password.setId("proxy-password");
        problem.setId("proxy-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.setPrefWidth(360);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problemText = Bindings.createStringBinding(
                () -> ProxySettings.problem(kind.getValue(), host.getText(), port.getText(), user.getText(),
                        password.getText()).orElse(""),
                kind.valueProperty(), host.textProperty(), port.textProperty(), user.textProperty(),
                password.textProperty());
        problem.textProperty().bind(problemText);
        for (Control field : new Control[] {host, port, user, password}) {
            field.disableProperty().bind(kind.valueProperty().isEqualTo(ProxySettings.Kind.NONE));
        }
    }

    /** Puts the fields in {@code grid} from {@code row} on, five rows. */
    void addTo(GridPane grid, int row) {
        grid.addRow(row, new Label("Proxy"), kind);
        grid.addRow(row + 1, new Label("Proxy host"), host);
        grid.addRow(row + 2, new Label("Proxy port"), port);
        grid.addRow(row + 3, new Label("Proxy user"), user);
        grid.addRow(row + 4, new Label("Proxy password"), password);
        grid.add(problem, 1, row + 5);
    }

    /** Why these fields cannot be used; empty when they can. */
    StringBinding problemProperty() {
        return problemText;
    }

    ProxySettings settings() {
        return ProxySettings.of(kind.getValue(), host.getText(), port.getText(), user.getText(), password.getText());
    }
}
