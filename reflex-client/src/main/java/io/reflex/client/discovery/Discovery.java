package io.reflex.client.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.client.InstanceView;
import io.reflex.client.ListQuery;
import io.reflex.client.NotFoundException;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.client.ServiceView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which instances make up a service, and what a service's {@code links} resolve to (docs/redeploy.md,
 * Discovery). The one implementation the launcher, the {@code reflex} CLI and the console share, so all three
 * agree on who is a member of a service.
 *
 * <p>A service's members are the instances named in its {@code active-instances} when that is set, else those in
 * its {@code static-instances} and {@code dynamic-instances}, else every instance whose {@code service} is the
 * service. Immutable and thread-safe.
 */
public final class Discovery {
  private static final Comparator<InstanceView> BY_NAME = Comparator.comparing(InstanceView::name);

  private final ReflexClient client;
  private final boolean everyStatus;

  private Discovery(ReflexClient client, boolean everyStatus) {
    this.client = client;
    this.everyStatus = everyStatus;
  }

  /** Resolves links to healthy instances only: status {@code ok} with a host and a port. */
  public static Discovery of(ReflexClient client) {
    return new Discovery(Objects.requireNonNull(client, "client"), false);
  }

  /** A copy that resolves links to every instance with a host and a port, whatever its status. */
  public Discovery includingUnhealthy() {
    return new Discovery(client, true);
  }

  /**
   * Every member of {@code service}, whatever its status, sorted by name.
   *
   * @throws NotFoundException when the service does not exist
   */
  public List<InstanceView> instances(String service) {
    return members(client.get(ObjectType.SERVICE, service), allInstances());
  }

  /** The members of every service, services sorted by name; a service without members maps to an empty list. */
  public SequencedMap<String, List<InstanceView>> instancesByService() {
    List<InstanceView> instances = allInstances();
    SequencedMap<String, List<InstanceView>> byService = new LinkedHashMap<>();
    client.list(ListQuery.of(ObjectType.SERVICE).cols(List.of("*"))).stream()
        .sorted(Comparator.comparing(ReflexObject::name))
        .forEach(service -> byService.put(service.name(), members(service, instances)));
    return byService;
  }

  /**
   * What each of {@code service}'s links resolves to, in the order of its {@code links}. A service without links
   * costs no engine call.
   *
   * @throws UnknownLinkException when a linked service does not exist
   * @throws LinkException when {@code links} is malformed
   */
  public List<ResolvedLink> resolve(ReflexObject service) {
    List<ServiceLink> links = ServiceLink.of(service);
    if (links.isEmpty()) {
      return List.of();
    }
    List<ReflexObject> linked = new ArrayList<>();
    for (ServiceLink link : links) {
      linked.add(client.find(ObjectType.SERVICE, link.service())
          .orElseThrow(() -> new UnknownLinkException(service.name(), link.service())));
    }
    List<InstanceView> instances = allInstances();
    Predicate<InstanceView> counts = everyStatus ? InstanceView::reachable : InstanceView::healthy;
    List<ResolvedLink> resolved = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      resolved.add(new ResolvedLink(links.get(i),
          members(linked.get(i), instances).stream().filter(counts).toList()));
    }
    return List.copyOf(resolved);
  }

  private List<InstanceView> allInstances() {
    return client.list(ListQuery.of(ObjectType.INSTANCE).cols(List.of("*"))).stream()
        .map(InstanceView::of)
        .sorted(BY_NAME)
        .toList();
  }

  private static List<InstanceView> members(ReflexObject service, List<InstanceView> instances) {
    Set<String> named = referencedNames(service, "active-instances");
    if (named.isEmpty()) {
      named = referencedNames(service, "static-instances");
      named.addAll(referencedNames(service, "dynamic-instances"));
    }
    Set<String> members = named;
    Predicate<InstanceView> member = members.isEmpty()
        ? instance -> instance.service().equals(service.name())
        : instance -> members.contains(instance.name());
    return instances.stream().filter(member).toList();
  }

  /** Instance names from a list of soft references ({@code name.id}, {@code name.notfound} or a bare name). */
  private static Set<String> referencedNames(ReflexObject service, String field) {
    Set<String> names = new LinkedHashSet<>();
    JsonNode list = service.field(field).orElse(null);
    if (list != null && list.isArray()) {
      list.forEach(entry -> {
        if (entry.isTextual() && !entry.asText().isBlank()) {
          names.add(ServiceView.referencedName(entry.asText()));
        }
      });
    }
    return names;
  }
}
