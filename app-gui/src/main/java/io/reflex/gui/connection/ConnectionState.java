package io.reflex.gui.connection;

/** Where the console stands with its engine; the status bar always shows it. */
public enum ConnectionState {
    DISCONNECTED("Not connected"),
    CONNECTING("Connecting…"),
    CONNECTED("Connected"),
    LOST("Connection lost, retrying…");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
