package io.reflex.gui.connection;

import java.util.Locale;
import javafx.scene.control.Label;

/** A dot coloured by a connection's state (green, amber, red, grey); the status bar and engine tabs show one. */
public final class StatusDot {
    private StatusDot() {}

    public static Label of(ConnectionService connection, String styleClass) {
        Label dot = new Label("●");
        dot.getStyleClass().add(styleClass);
        connection.stateProperty().addListener((o, was, now) -> show(dot, now));
        show(dot, connection.getState());
        return dot;
    }

    private static void show(Label dot, ConnectionState state) {
        for (ConnectionState each : ConnectionState.values()) {
            dot.getStyleClass().remove("state-" + each.name().toLowerCase(Locale.ROOT));
        }
        dot.getStyleClass().add("state-" + state.name().toLowerCase(Locale.ROOT));
    }
}
