package io.reflex.gui.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.reflex.client.ReflexObject;
import io.reflex.gui.discovery.DiscoveryGraph.Link;
import io.reflex.gui.discovery.DiscoveryGraph.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns services and instances into the discovery graph, following docs/redeploy.md "Discovery". It is the one place
 * that knows the resolution rules, so moving to the shared resolver in reflex-client replaces this class alone.
 */
public final class LinkResolver {
    /** The service fields resolution reads; listing only these keeps a large engine's answer small. */
    public static final List<String> SERVICE_FIELDS =
            List.of("name", "links", "active-instances", "static-instances", "dynamic-instances");
    public static final List<String> INSTANCE_FIELDS = List.of("name", "service", "status", "address");
    private static final String HEALTHY = "ok";
    private static final Pattern VERSIONED = Pattern.compile("\\.\\d+$");

    private LinkResolver() {}

    public static DiscoveryGraph resolve(List<ReflexObject> services, List<ReflexObject> instances) {
        Map<String, ReflexObject> serviceByName = new HashMap<>();
        services.forEach(service -> serviceByName.put(service.name(), service));
        Map<String, ReflexObject> instanceByName = new HashMap<>();
        Map<String, List<ReflexObject>> instancesByService = new HashMap<>();
        for (ReflexObject instance : instances) {
            instanceByName.put(instance.name(), instance);
            instancesByService.computeIfAbsent(serviceOf(instance), s -> new ArrayList<>())
                    .add(instance);
        }
        Set<String> shown = new TreeSet<>();
        List<Link> links = new ArrayList<>();
        for (ReflexObject service : services) {
            for (JsonNode entry : service.field("links").filter(JsonNode::isArray).orElse(MissingNode.getInstance())) {
                String to = entry.isTextual() ? entry.asText() : entry.path("service").asText();
                String variable = entry.path("as").asText("").isBlank() ? variableName(to) : entry.path("as").asText();
                String scheme = entry.path("scheme").asText("").isBlank() ? "http" : entry.path("scheme").asText();
                ReflexObject target = serviceByName.get(to);
                List<String> urls = target == null ? List.of()
                        : healthy(candidates(target, instanceByName, instancesByService)).stream()
                                .map(instance -> url(scheme, instance)).toList();
                Outcome outcome = target == null ? Outcome.MISSING_SERVICE
                        : urls.isEmpty() ? Outcome.NO_HEALTHY_INSTANCE : Outcome.RESOLVED;
                links.add(new Link(service.name(), to, variable, urls, outcome));
                shown.add(service.name());
                shown.add(to);
            }
        }
        return new DiscoveryGraph(List.copyOf(shown), links);
    }

    /** The engine writes an instance's service as {@code name.id}; the id is not part of the name. */
    private static String serviceOf(ReflexObject instance) {
        return VERSIONED.matcher(instance.text("service").orElse("")).replaceFirst("");
    }

    /** {@code web-api} becomes {@code WEB_API}. */
    static String variableName(String service) {
        return service.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The linked service's named instances when it names any, else every instance of it. */
    private static List<ReflexObject> candidates(ReflexObject service, Map<String, ReflexObject> instanceByName,
            Map<String, List<ReflexObject>> instancesByService) {
        Set<String> named = names(service, "active-instances");
        if (named.isEmpty()) {
            named.addAll(names(service, "static-instances"));
            named.addAll(names(service, "dynamic-instances"));
        }
        if (named.isEmpty()) {
            return instancesByService.getOrDefault(service.name(), List.of());
        }
        return named.stream().map(instanceByName::get).filter(Objects::nonNull).toList();
    }

    private static Set<String> names(ReflexObject service, String field) {
        Set<String> names = new LinkedHashSet<>();
        service.field(field).filter(JsonNode::isArray).ifPresent(list -> list.forEach(n -> names.add(n.asText())));
        return names;
    }

    private static List<ReflexObject> healthy(List<ReflexObject> instances) {
        return instances.stream()
                .filter(instance -> HEALTHY.equals(instance.text("status").orElse("")))
                .filter(instance -> !host(instance).isEmpty() && port(instance) > 0)
                .sorted(Comparator.comparing(ReflexObject::name))
                .toList();
    }

    private static String url(String scheme, ReflexObject instance) {
        return scheme + "://" + host(instance) + ":" + port(instance);
    }

    private static String host(ReflexObject instance) {
        return instance.field("address").map(a -> a.path("host").asText("")).orElse("");
    }

    private static int port(ReflexObject instance) {
        return instance.field("address").map(a -> a.path("port").asInt(0)).orElse(0);
    }
}
