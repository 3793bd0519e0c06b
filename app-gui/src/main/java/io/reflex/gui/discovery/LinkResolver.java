package io.reflex.gui.discovery;

import io.reflex.client.InstanceView;
import io.reflex.client.ListQuery;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.client.discovery.Discovery;
import io.reflex.client.discovery.ServiceLink;
import io.reflex.gui.discovery.DiscoveryGraph.Link;
import io.reflex.gui.discovery.DiscoveryGraph.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the engine's services and instances into the discovery graph with reflex-client's shared {@link Discovery}
 * model, the one `launch` and the CLI use, so the console shows the addresses an app really gets. It is the only
 * class of the view that knows about resolution.
 */
public final class LinkResolver {
    private LinkResolver() {}

    /**
     * Reads the services and their members (three list calls, however many links) and resolves every link.
     *
     * @throws io.reflex.client.discovery.LinkException when a service's {@code links} is malformed
     */
    public static DiscoveryGraph resolve(ReflexClient client) {
        Map<String, List<InstanceView>> members = Discovery.of(client).instancesByService();
        List<ReflexObject> services = client.list(ListQuery.of(ObjectType.SERVICE).cols("name", "links"));
        Set<String> shown = new TreeSet<>();
        List<Link> links = new ArrayList<>();
        for (ReflexObject service : services) {
            for (ServiceLink link : ServiceLink.of(service)) {
                List<InstanceView> linked = members.get(link.service());
                List<String> urls = linked == null ? List.of() : linked.stream()
                        .filter(InstanceView::healthy)
                        .map(instance -> instance.url(link.scheme()).orElseThrow())
                        .toList();
                Outcome outcome = linked == null ? Outcome.MISSING_SERVICE
                        : urls.isEmpty() ? Outcome.NO_HEALTHY_INSTANCE : Outcome.RESOLVED;
                links.add(new Link(service.name(), link.service(), link.name(), urls, outcome));
                shown.add(service.name());
                shown.add(link.service());
            }
        }
        return new DiscoveryGraph(List.copyOf(shown), links);
    }
}
