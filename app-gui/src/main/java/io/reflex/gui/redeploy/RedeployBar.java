package io.reflex.gui.redeploy;

import io.reflex.gui.instances.InstanceRow;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Above the live table: redeploy the selected instance's service or the instance alone, roll back, the request's
 * batch, min-ready and build, and the progress line. Each outcome also pops up as a notification, because the
 * user may be looking at another section by the time the last instance finished.
 */
public final class RedeployBar {
    private final VBox root = new VBox(4);

    public RedeployBar(RedeployViewModel model, ReadOnlyObjectProperty<InstanceRow> selected) {
        root.setId("redeploy-bar");
        root.setPadding(new Insets(6, 8, 2, 8));
        Button service = button("redeploy-service-button", "Redeploy service", Feather.REFRESH_CW,
                "Redeploy every instance of the selected instance's service (Ctrl+R)");
        service.setOnAction(e -> model.redeployService(selected.get().service()));
        Button instance = button("redeploy-instance-button", "Redeploy instance", Feather.ROTATE_CW,
                "Redeploy only the selected instance (instances on this machine)");
        instance.setOnAction(e -> model.redeployInstance(selected.get()));
        Button rollback = button("rollback-button", "Roll back", Feather.CORNER_UP_LEFT,
                "Restore the previous version of the service's config and redeploy");
        rollback.setOnAction(e -> model.rollback(selected.get().service()));
        for (Button each : new Button[] {service, instance, rollback}) {
            each.disableProperty().bind(selected.isNull());
        }
        Spinner<Integer> batch = new Spinner<>(1, 100, 1);
        batch.setId("redeploy-batch");
        batch.setPrefWidth(70);
        batch.getValueFactory().valueProperty().addListener((o, was, now) -> model.batchProperty().set(now));
        Spinner<Integer> minReady = new Spinner<>(0, 100, 1);
        minReady.setId("redeploy-min-ready");
        minReady.setPrefWidth(70);
        minReady.getValueFactory().valueProperty().addListener((o, was, now) -> model.minReadyProperty().set(now));
        TextField build = new TextField();
        build.setId("redeploy-build");
        build.setPromptText("build (optional)");
        build.setPrefColumnCount(8);
        build.textProperty().bindBidirectional(model.buildProperty());
        FlowPane actions = new FlowPane(8, 4, service, instance, rollback, new Label("batch"), batch,
                new Label("min ready"), minReady, new Label("build"), build);
        actions.setAlignment(Pos.CENTER_LEFT);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(model.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label progress = new Label();
        progress.setId("redeploy-progress");
        progress.setWrapText(true);
        progress.textProperty().bind(model.progressProperty());
        HBox progressLine = new HBox(6, busy, progress);
        progressLine.setAlignment(Pos.CENTER_LEFT);
        progressLine.visibleProperty().bind(model.progressProperty().isNotEmpty());
        progressLine.managedProperty().bind(progressLine.visibleProperty());
        root.getChildren().addAll(actions, progressLine);
        model.outcomeProperty().addListener((o, was, now) -> {
            if (now != null && root.getScene() != null) {
                notifyOutcome(now);
            }
        });
    }

    private void notifyOutcome(RedeployViewModel.Outcome outcome) {
        Notifications toast = Notifications.create().title(outcome.success() ? "Redeploy finished" : "Redeploy failed")
                .text(outcome.sentence()).owner(root.getScene().getWindow()).position(Pos.BOTTOM_RIGHT)
                .hideAfter(javafx.util.Duration.seconds(8));
        if (outcome.success()) {
            toast.showInformation();
        } else {
            toast.showError();
        }
    }

    private static Button button(String id, String text, Feather icon, String tip) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    public Node root() {
        return root;
    }
}
