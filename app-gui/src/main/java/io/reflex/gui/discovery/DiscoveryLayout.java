package io.reflex.gui.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Columns for the graph: a service sits one column left of everything it links to, so links read left to right
 * from the app to what it calls. A cycle of links is cut where it closes.
 */
final class DiscoveryLayout {
    private final Map<String, List<String>> linksFrom = new HashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();

    DiscoveryLayout(DiscoveryGraph graph) {
        graph.links().forEach(link -> linksFrom.computeIfAbsent(link.from(), f -> new ArrayList<>())
                .add(link.to()));
        graph.services().forEach(service -> depth(service, new HashSet<>()));
    }

    /** 0 for the leftmost column. */
    int column(String service) {
        return deepest() - depth.getOrDefault(service, 0);
    }

    private int deepest() {
        return depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private int depth(String service, Set<String> onPath) {
        Integer known = depth.get(service);
        if (known != null) {
            return known;
        }
        if (!onPath.add(service)) {
            return 0;
        }
        int deepestTarget = -1;
        for (String target : linksFrom.getOrDefault(service, List.of())) {
            deepestTarget = Math.max(deepestTarget, depth(target, onPath));
        }
        onPath.remove(service);
        depth.put(service, deepestTarget + 1);
        return deepestTarget + 1;
    }
}
