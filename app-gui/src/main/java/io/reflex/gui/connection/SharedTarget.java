package io.reflex.gui.connection;

/**
 * A target several engine tabs may use at once, such as the local engine: a tab that closes or switches away must
 * not stop it under the others, so closing goes through {@link #closeForAll()}, which only the app calls on exit.
 */
public final class SharedTarget implements ConnectionTarget {
    private final ConnectionTarget shared;

    public SharedTarget(ConnectionTarget shared) {
        this.shared = shared;
    }

    @Override
    public String label() {
        return shared.label();
    }

    @Override
    public String shortLabel() {
        return shared.shortLabel();
    }

    @Override
    public Opened open() throws Exception {
        return shared.open();
    }

    /** A tab let go of it; the others may still be using it. */
    @Override
    public void close() {}

    public void closeForAll() {
        shared.close();
    }
}
