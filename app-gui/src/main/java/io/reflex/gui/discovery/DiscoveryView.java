package io.reflex.gui.discovery;

import io.reflex.gui.discovery.DiscoveryGraph.Link;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;

/**
 * Services as boxes and their links as arrows, each arrow labelled with the variable and the addresses it resolves
 * to; a link without a healthy instance or to a missing service is coloured as a warning. Choosing a box opens the
 * service.
 */
public final class DiscoveryView {
    private static final double NODE_WIDTH = 190;
    private static final double NODE_HEIGHT = 32;
    private static final double COLUMN_GAP = 360;
    private static final double ROW_HEIGHT = 84;
    private static final double MARGIN = 24;
    private final Pane canvas = new Pane();
    private final Label empty = new Label("No service has links yet. Add \"links\": [\"other-service\"] to a service.");
    private final StackPane root;
    private final Consumer<String> onOpen;

    public DiscoveryView(DiscoveryViewModel model, Consumer<String> onOpen) {
        this.onOpen = onOpen;
        canvas.setId("discovery-graph");
        canvas.getStyleClass().add("discovery-graph");
        ScrollPane scroll = new ScrollPane(canvas);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        empty.setId("discovery-empty");
        empty.setMouseTransparent(true);
        root = new StackPane(scroll, empty);
        root.setId("discovery-view");
        model.graphProperty().addListener((o, was, now) -> draw(now));
        draw(model.graphProperty().get());
    }

    public Node root() {
        return root;
    }

    private void draw(DiscoveryGraph graph) {
        canvas.getChildren().clear();
        empty.setVisible(graph.links().isEmpty());
        DiscoveryLayout layout = new DiscoveryLayout(graph);
        Map<String, Point2D> corner = new HashMap<>();
        for (String service : graph.services()) {
            DiscoveryLayout.Cell cell = layout.cell(service);
            corner.put(service, new Point2D(MARGIN + cell.column() * (NODE_WIDTH + COLUMN_GAP),
                    MARGIN + cell.row() * ROW_HEIGHT));
        }
        Set<String> missing = new HashSet<>();
        for (Link link : graph.links()) {
            drawLink(link, corner.get(link.from()), corner.get(link.to()));
            if (link.outcome() == DiscoveryGraph.Outcome.MISSING_SERVICE) {
                missing.add(link.to());
            }
        }
        graph.services().forEach(service -> drawService(service, corner.get(service), missing.contains(service)));
    }

    private void drawService(String service, Point2D at, boolean missing) {
        Label box = new Label(service);
        box.setId("discovery-node-" + service);
        box.getStyleClass().add("discovery-node");
        box.setTooltip(new Tooltip(missing ? "No such service on this engine" : "Open " + service));
        box.setPrefSize(NODE_WIDTH, NODE_HEIGHT);
        box.relocate(at.getX(), at.getY());
        if (missing) {
            box.getStyleClass().add("missing");
        } else {
            box.setOnMouseClicked(e -> onOpen.accept(service));
        }
        canvas.getChildren().add(box);
    }

    private void drawLink(Link link, Point2D from, Point2D to) {
        Point2D start = new Point2D(from.getX() + NODE_WIDTH, from.getY() + NODE_HEIGHT / 2);
        Point2D end = new Point2D(to.getX(), to.getY() + NODE_HEIGHT / 2);
        String outcome = "link-" + link.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Line line = new Line(start.getX(), start.getY(), end.getX(), end.getY());
        line.getStyleClass().addAll("discovery-edge", outcome);
        Line head = arrowHead(start, end, 1);
        Line otherHead = arrowHead(start, end, -1);
        head.getStyleClass().addAll("discovery-edge", outcome);
        otherHead.getStyleClass().addAll("discovery-edge", outcome);
        Label label = new Label(link.label());
        label.setId("discovery-link-" + link.from() + "-" + link.variable());
        label.getStyleClass().addAll("discovery-link", outcome);
        label.setPadding(new Insets(1, 6, 1, 6));
        label.setMaxWidth(COLUMN_GAP - 20);
        label.setLayoutX((start.getX() + end.getX()) / 2);
        label.setLayoutY((start.getY() + end.getY()) / 2 - 22);
        label.translateXProperty().bind(label.widthProperty().divide(-2));
        canvas.getChildren().addAll(line, head, otherHead, label);
    }

    /** One side of the arrow's tip at {@code end}, turned 25 degrees from the line. */
    private static Line arrowHead(Point2D start, Point2D end, int side) {
        double angle = Math.atan2(end.getY() - start.getY(), end.getX() - start.getX()) + Math.PI - side * 0.44;
        return new Line(end.getX(), end.getY(), end.getX() + 10 * Math.cos(angle), end.getY() + 10 * Math.sin(angle));
    }
}
