package io.reflex.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.reflex.client.ObjectType;
import io.reflex.gui.connection.ConnectionState;
import io.reflex.gui.connection.ConnectionView;
import io.reflex.gui.connection.StatusDot;
import io.reflex.gui.dialog.DialogService.Severity;
import io.reflex.gui.dialog.FxDialogService;
import io.reflex.gui.discovery.DiscoveryView;
import io.reflex.gui.editor.EditorView;
import io.reflex.gui.effective.EffectiveConfigView;
import io.reflex.gui.history.HistoryView;
import io.reflex.gui.instances.InstancesView;
import io.reflex.gui.localrun.LocalRunsView;
import io.reflex.gui.redeploy.RedeployBar;
import io.reflex.gui.navigation.ObjectListView;
import io.reflex.gui.navigation.SidebarItem;
import io.reflex.gui.navigation.TopologyView;
import io.reflex.gui.search.SearchView;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window: toolbar, sidebar of sections, the section's view, notification bar and status bar. */
public final class MainView {
    private static final String STYLESHEET = Objects.requireNonNull(
            MainView.class.getResource("console.css")).toExternalForm();
    private final MainViewModel model;
    private final FxDialogService dialogs;
    private final ConnectionView connectionView;
    private final BorderPane root = new BorderPane();
    private final TabPane details = new TabPane();
    private final Tab effectiveTab = new Tab("Effective config");
    private final ObjectListView listView;

    public MainView(MainViewModel model, FxDialogService dialogs, ConnectionView connectionView) {
        this.model = model;
        this.dialogs = dialogs;
        this.connectionView = connectionView;
        root.setId("main-view");
        root.getStylesheets().add(STYLESHEET);
        listView = new ObjectListView(model.getList(), o -> model.open(model.getList().typeProperty().get(), o.name()));
        root.setTop(toolbar());
        root.setLeft(sidebar());
        root.setCenter(center());
        root.setBottom(new VBox(notificationBar(), statusBar()));
        model.darkProperty().addListener((o, was, now) -> applyTheme(now));
        applyTheme(model.darkProperty().get());
    }

    public Parent root() {
        return root;
    }

    /** Puts the view in {@code scene} and binds the keyboard shortcuts to it. */
    public void install(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), this::search);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                model.getEditor()::save);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), model::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                model::redeployCurrent);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), model::back);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), model::forward);
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private ToolBar toolbar() {
        Button back = iconButton(Feather.ARROW_LEFT, "back-button", "Back (Alt+Left)", model::back);
        back.disableProperty().bind(model.getNavigation().canGoBackProperty().not());
        Button forward = iconButton(Feather.ARROW_RIGHT, "forward-button", "Forward (Alt+Right)", model::forward);
        forward.disableProperty().bind(model.getNavigation().canGoForwardProperty().not());
        Button refresh = iconButton(Feather.REFRESH_CW, "refresh-button", "Refresh (F5)", model::refresh);
        Button create = iconButton(Feather.PLUS, "new-button", "New object of this type",
                () -> model.getEditor().newObject(model.getList().typeProperty().get()));
        Button importJson = iconButton(Feather.UPLOAD, "import-button", "Import a JSON file as a new object",
                () -> dialogs.chooseFileToOpen("Import object").ifPresent(
                        file -> model.getEditor().importFrom(file, model.getList().typeProperty().get())));
        Button exportJson = iconButton(Feather.DOWNLOAD, "export-button", "Export the open object as JSON",
                () -> dialogs.chooseFileToSave("Export object", model.getEditor().titleProperty().get()
                        .replace(' ', '-') + ".json").ifPresent(model.getEditor()::exportTo));
        Button search = new Button("Search…  Ctrl+K", new FontIcon(Feather.SEARCH));
        search.setId("search-button");
        search.setOnAction(e -> search());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button connect = iconButton(Feather.SERVER, "connection-button", "Connect to an engine", this::chooseConnection);
        Button theme = iconButton(Feather.MOON, "theme-button", "Light or dark", () -> model.darkProperty().set(
                !model.darkProperty().get()));
        Label brand = new Label("Reflex Console");
        brand.getStyleClass().add("brand");
        return new ToolBar(brand, back, forward, refresh, create, importJson, exportJson, search, spacer, connect, theme);
    }

    private static Button iconButton(Feather icon, String id, String tip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.getStyleClass().add("flat");
        button.setOnAction(e -> action.run());
        return button;
    }

    private Node sidebar() {
        ListView<SidebarItem> sidebar = new ListView<>();
        sidebar.setId("sidebar");
        sidebar.getItems().setAll(SidebarItem.all());
        sidebar.setPrefWidth(170);
        sidebar.getSelectionModel().select(model.sectionProperty().get());
        sidebar.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.sectionProperty().set(now);
            }
        });
        model.sectionProperty().addListener((o, was, now) -> sidebar.getSelectionModel().select(now));
        return sidebar;
    }

    private Node center() {
        Tab edit = new Tab("Edit", new EditorView(model.getEditor()).root());
        Tab history = new Tab("History", new HistoryView(model.getHistory()).root());
        effectiveTab.setContent(new EffectiveConfigView(model.getEffective()).root());
        effectiveTab.disableProperty().bind(model.getEditor().typeProperty().isNotEqualTo(ObjectType.SERVICE));
        edit.setId("edit-tab");
        history.setId("history-tab");
        effectiveTab.setId("effective-tab");
        details.getTabs().addAll(edit, history, effectiveTab);
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        details.setId("details");
        SplitPane browse = new SplitPane(listView.root(), details);
        browse.setOrientation(Orientation.HORIZONTAL);
        browse.setDividerPositions(0.4);
        BorderPane live = new BorderPane(new InstancesView(model.getInstances()).root());
        live.setTop(new RedeployBar(model.getRedeploy(), model.getInstances().selectedProperty()).root());
        Node tree = new TopologyView(model.getTopology(), branch -> model.open(branch.type(), branch.name())).root();
        Node discovery = new DiscoveryView(model.getDiscovery(), name -> model.open(ObjectType.SERVICE, name)).root();
        LocalRunsView localRuns = new LocalRunsView(model.getLocalRuns());
        Node runs = localRuns.root();
        StackPane sections = new StackPane(browse, live, tree, discovery, runs);
        Runnable showSection = () -> {
            SidebarItem.Kind kind = model.sectionProperty().get().kind();
            browse.setVisible(kind == SidebarItem.Kind.BROWSE);
            live.setVisible(kind == SidebarItem.Kind.LIVE_INSTANCES);
            tree.setVisible(kind == SidebarItem.Kind.TOPOLOGY);
            discovery.setVisible(kind == SidebarItem.Kind.DISCOVERY);
            runs.setVisible(kind == SidebarItem.Kind.LOCAL_RUNS);
            if (kind == SidebarItem.Kind.LOCAL_RUNS && model.getEditor().typeProperty().get() == ObjectType.SERVICE
                    && model.getEditor().getLoaded() != null) {
                localRuns.suggest(model.getEditor().getLoaded().name());
            }
        };
        model.sectionProperty().addListener((o, was, now) -> showSection.run());
        showSection.run();
        return sections;
    }

    /** Selects a detail tab by id; the toolbar's search and the tests use it. */
    public void showTab(String id) {
        details.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> details.getSelectionModel().select(t));
    }

    private Node notificationBar() {
        Label text = new Label();
        text.setId("notification-text");
        text.textProperty().bind(dialogs.messageProperty());
        text.setWrapText(true);
        Button close = iconButton(Feather.X, "notification-close", "Dismiss", dialogs::dismiss);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, text, spacer, close);
        bar.setId("notification-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.visibleProperty().bind(dialogs.messageProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        dialogs.severityProperty().addListener((o, was, now) -> severityClass(bar, now));
        severityClass(bar, dialogs.severityProperty().get());
        return bar;
    }

    private static void severityClass(Node bar, Severity severity) {
        for (Severity each : Severity.values()) {
            bar.getStyleClass().remove("severity-" + each.name().toLowerCase(java.util.Locale.ROOT));
        }
        bar.getStyleClass().add("severity-" + severity.name().toLowerCase(java.util.Locale.ROOT));
    }

    private Node statusBar() {
        Label dot = StatusDot.of(model.getConnection(), "connection-dot");
        dot.setId("connection-dot");
        Label state = new Label();
        state.setId("connection-status");
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            ConnectionState current = model.getConnection().getState();
            String where = model.getConnection().labelProperty().get();
            String problem = model.getConnection().problemProperty().get();
            return current.label() + (where.isEmpty() ? "" : " · " + where) + (problem.isEmpty() ? "" : " · " + problem);
        }, model.getConnection().stateProperty(), model.getConnection().labelProperty(),
                model.getConnection().problemProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy-indicator");
        busy.setPrefSize(16, 16);
        busy.setVisible(false);
        PauseTransition delay = new PauseTransition(Duration.millis(200));
        delay.setOnFinished(e -> busy.setVisible(model.getExecutor().runningProperty().get() > 0));
        model.getExecutor().runningProperty().addListener((o, was, now) -> {
            if (now.intValue() > 0 && was.intValue() == 0) {
                delay.playFromStart();
            } else if (now.intValue() == 0) {
                delay.stop();
                busy.setVisible(false);
            }
        });
        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(() -> switch (model.sectionProperty().get().kind()) {
            case BROWSE -> model.getList().countProperty().get();
            case LIVE_INSTANCES -> model.getInstances().summaryProperty().get();
            case TOPOLOGY, DISCOVERY, LOCAL_RUNS -> "";
        }, model.sectionProperty(), model.getList().countProperty(), model.getInstances().summaryProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, dot, state, spacer, busy, count);
        bar.setId("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    private void search() {
        new SearchView(model.getSearch(), hit -> model.open(hit.type(), hit.name())).show(root.getScene().getWindow());
    }

    private void chooseConnection() {
        connectionView.choose(root.getScene().getWindow()).ifPresent(model::connect);
    }
}
