package io.reflex.gui.instances;

import javafx.beans.property.SimpleObjectProperty;

/**
 * A row of the live table: it stays in the table while heartbeats replace the instance it shows. Replacing an item
 * of a {@code TableView}'s list makes the table rebuild every visible cell, ten times a second under a busy fleet;
 * changing what a row holds updates only the cells that show it, and nothing when it is scrolled out of view.
 */
public final class LiveInstance extends SimpleObjectProperty<InstanceRow> {
    LiveInstance(InstanceRow row) {
        super(row);
    }
}
