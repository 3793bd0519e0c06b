package io.reflex.gui.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where each service sits: one column left of everything it links to, so links read left to right from the app to
 * what it calls (a cycle of links is cut where it closes). Within a column, services sit near the average row of
 * those linking to them, which keeps edges short and their labels apart.
 */
final class DiscoveryLayout {
    /** A service's column (0 leftmost) and row. */
    record Cell(int column, int row) {}

    private final Map<String, List<String>> linksFrom = new HashMap<>();
    private final Map<String, List<String>> linksTo = new HashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();
    private final Map<String, Cell> cells = new HashMap<>();

    DiscoveryLayout(DiscoveryGraph graph) {
        graph.links().forEach(link -> {
            linksFrom.computeIfAbsent(link.from(), f -> new ArrayList<>()).add(link.to());
            linksTo.computeIfAbsent(link.to(), t -> new ArrayList<>()).add(link.from());
        });
        graph.services().forEach(service -> depth(service, new HashSet<>()));
        int deepest = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<Integer, List<String>> columns = new TreeMap<>();
        graph.services().forEach(service -> columns.computeIfAbsent(deepest - depth.get(service), c -> new ArrayList<>())
                .add(service));
        columns.forEach((column, services) -> {
            services.sort(Comparator.comparingDouble(this::averageSourceRow).thenComparing(Comparator.naturalOrder()));
            for (int row = 0; row < services.size(); row++) {
                cells.put(services.get(row), new Cell(column, row));
            }
        });
    }

    Cell cell(String service) {
        return cells.get(service);
    }

    /** The average row of the already placed services linking here; services nobody links to go first. */
    private double averageSourceRow(String service) {
        return linksTo.getOrDefault(service, List.of()).stream().map(cells::get).filter(Objects::nonNull)
                .mapToInt(Cell::row).average().orElse(-1);
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
