package io.reflex.gui.engines;

import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.connection.ConnectionTarget;
import io.reflex.gui.connection.ConnectionView;
import io.reflex.gui.connection.StatusDot;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Several engines side by side, one tab each, every tab with its own connection and status. The tab header repeats
 * each connection's state, so an engine that dropped is visible from any tab. Shortcuts follow the selected tab.
 */
public final class EngineTabs {
    private final Supplier<EngineTab> newTab;
    private final ConnectionView chooser;
    private final TabPane pane = new TabPane();
    private final StackPane root;
    private final Map<Tab, EngineTab> engines = new IdentityHashMap<>();

    public EngineTabs(Supplier<EngineTab> newTab, ConnectionView chooser) {
        this.newTab = newTab;
        this.chooser = chooser;
        pane.setId("engine-tabs");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Button open = new Button(null, new FontIcon(Feather.PLUS_SQUARE));
        open.setId("open-engine-button");
        open.setTooltip(new Tooltip("Open another engine in a new tab (Ctrl+T)"));
        open.getStyleClass().add("flat");
        open.setOnAction(e -> chooseAndOpen());
        StackPane.setAlignment(open, Pos.TOP_RIGHT);
        StackPane.setMargin(open, new Insets(2, 6, 0, 0));
        root = new StackPane(pane, open);
        root.getStylesheets().add(Objects.requireNonNull(EngineTabs.class.getResource("/io/reflex/gui/console.css"))
                .toExternalForm());
        pane.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> installShortcuts());
        add(newTab.get());
    }

    public Parent root() {
        return root;
    }

    /** The engine of the selected tab; shortcuts and the toolbar act on it. */
    public EngineTab selected() {
        return engines.get(pane.getSelectionModel().getSelectedItem());
    }

    public List<EngineTab> all() {
        List<EngineTab> all = new ArrayList<>();
        pane.getTabs().forEach(tab -> all.add(engines.get(tab)));
        return all;
    }

    /** Opens {@code target} in a new tab next to the others and selects it. */
    public EngineTab open(ConnectionTarget target) {
        EngineTab tab = add(newTab.get());
        tab.model().connect(target);
        return tab;
    }

    private void chooseAndOpen() {
        chooser.choose(root.getScene().getWindow()).ifPresent(this::open);
    }

    private EngineTab add(EngineTab engine) {
        ConnectionService connection = engine.model().getConnection();
        Tab tab = new Tab(null, engine.view().root());
        tab.getStyleClass().add("engine-tab");
        tab.setGraphic(StatusDot.of(connection, "engine-tab-dot"));
        tab.textProperty().bind(Bindings.createStringBinding(
                () -> connection.shortLabelProperty().get().isEmpty() ? "Not connected"
                        : connection.shortLabelProperty().get(), connection.shortLabelProperty()));
        tab.setTooltip(new Tooltip());
        tab.getTooltip().textProperty().bind(Bindings.concat(connection.labelProperty(), " · ",
                Bindings.createStringBinding(() -> connection.getState().label(), connection.stateProperty())));
        tab.setOnClosed(e -> closed(tab));
        engines.put(tab, engine);
        pane.getTabs().add(tab);
        lastTabStays();
        pane.getSelectionModel().select(tab);
        return engine;
    }

    /** Closes {@code engine}'s tab and its connection. */
    public void close(EngineTab engine) {
        engines.entrySet().stream().filter(e -> e.getValue() == engine).map(Map.Entry::getKey).findFirst()
                .ifPresent(tab -> {
                    pane.getTabs().remove(tab);
                    closed(tab);
                });
    }

    private void closed(Tab tab) {
        EngineTab engine = engines.remove(tab);
        if (engine != null) {
            engine.model().close();
            lastTabStays();
        }
    }

    /** The window always shows one engine, so the last tab cannot be closed. */
    private void lastTabStays() {
        pane.getTabs().forEach(tab -> tab.setClosable(pane.getTabs().size() > 1));
    }

    /** Binds the window's shortcuts to the selected engine, plus Ctrl+T for a new tab. */
    public void installShortcuts() {
        Scene scene = root.getScene();
        EngineTab current = selected();
        if (scene == null || current == null) {
            return;
        }
        current.view().install(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                this::chooseAndOpen);
    }

    /** Closes every engine's connection. */
    public void close() {
        engines.values().forEach(engine -> engine.model().close());
    }
}
