package io.reflex.gui.navigation;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The tree of pipelines, services and instances; choosing a node opens it in the editor. */
public final class TopologyView {
    private final TreeView<TopologyViewModel.Branch> tree = new TreeView<>();

    public TopologyView(TopologyViewModel model, Consumer<TopologyViewModel.Branch> onOpen) {
        tree.setId("topology-tree");
        tree.setShowRoot(false);
        model.treeProperty().addListener((o, was, now) -> tree.setRoot(item(now)));
        tree.setRoot(item(model.treeProperty().get()));
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getValue().type() != null) {
                onOpen.accept(now.getValue());
            }
        });
    }

    public Node root() {
        return tree;
    }

    private static TreeItem<TopologyViewModel.Branch> item(TopologyViewModel.Branch branch) {
        TreeItem<TopologyViewModel.Branch> item = new TreeItem<>(branch);
        branch.children().forEach(child -> item.getChildren().add(item(child)));
        item.setExpanded(true);
        return item;
    }
}
