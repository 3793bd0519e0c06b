package io.reflex.gui.discovery;

import java.util.List;

/** Services and the links between them, each link with the addresses `launch` would give the linking app. */
public record DiscoveryGraph(List<String> services, List<Link> links) {
    public static final DiscoveryGraph EMPTY = new DiscoveryGraph(List.of(), List.of());

    /** Why a link gives no address, or that it does. */
    public enum Outcome {
        RESOLVED,
        NO_HEALTHY_INSTANCE,
        MISSING_SERVICE
    }

    /**
     * One entry of a service's {@code links}.
     *
     * @param variable the environment name prefix, {@code API} for {@code API_URL}
     * @param urls every healthy instance's URL, sorted by instance name; the first is {@code NAME_URL}
     */
    public record Link(String from, String to, String variable, List<String> urls, Outcome outcome) {

        /** What the graph writes on the edge. */
        public String label() {
            return switch (outcome) {
                case RESOLVED -> variable + " → " + String.join(", ", urls);
                case NO_HEALTHY_INSTANCE -> variable + ": no healthy instance";
                case MISSING_SERVICE -> variable + ": no service " + to;
            };
        }
    }
}
