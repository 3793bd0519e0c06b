package io.reflex.client;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Stands in for the watch feed on engines without one: lists each type's names and times and reports the
 * differences from the previous listing. Coarser than the feed (changes between two polls merge into one, and
 * nobody is named as author), but it lets a console stay current against the original engine.
 *
 * <p>Its events carry no objects, even when the request asks for them: the listing holds only names and times,
 * and listing whole objects every poll would move every object, and reveal (and have audited) every secret the
 * caller may read, each time instead of once per change. Callers fetch the objects that changed.
 */
final class WatchPoller {
  private record Row(String name, Optional<Instant> updatedAt) {}

  private final ReflexClient client;
  private final WatchRequest request;
  private final Clock clock;
  private final Set<ObjectType> types;
  private final Map<ObjectType, Map<Long, Row>> snapshot = new EnumMap<>(ObjectType.class);

  WatchPoller(ReflexClient client, WatchRequest request, Clock clock) {
    this.client = client;
    this.request = request;
    this.clock = clock;
    this.types =
        request.types().isEmpty() ? EnumSet.allOf(ObjectType.class) : EnumSet.copyOf(request.types());
  }

  /**
   * Lists every watched type once. The first listing of a type only records it; later ones report changes. A type
   * the caller may not list is dropped after its failure is reported, so one denied type does not stop the rest.
   */
  List<WatchEvent> poll(BiConsumer<ObjectType, ReflexException> failures) {
    List<WatchEvent> events = new ArrayList<>();
    for (ObjectType type : List.copyOf(types)) {
      try {
        Map<Long, Row> now = list(type);
        Map<Long, Row> before = snapshot.put(type, now);
        if (before != null) {
          diff(type, before, now, events);
        }
      } catch (ForbiddenException denied) {
        types.remove(type);
        failures.accept(type, denied);
      } catch (ReflexException failed) {
        failures.accept(type, failed);
      }
    }
    return events;
  }

  boolean exhausted() {
    return types.isEmpty();
  }

  private Map<Long, Row> list(ObjectType type) {
    ListQuery query = ListQuery.of(type).cols("name", "updated_at");
    if (request.match().isPresent()) {
      query = query.match(request.match().get());
    }
    Map<Long, Row> rows = new LinkedHashMap<>();
    for (ReflexObject object : client.list(query)) {
      object.id().ifPresent(id -> rows.put(id, new Row(object.name(), object.updatedAt())));
    }
    return rows;
  }

  private void diff(ObjectType type, Map<Long, Row> before, Map<Long, Row> now, List<WatchEvent> events) {
    Map<Long, Row> gone = new HashMap<>(before);
    now.forEach(
        (id, row) -> {
          Row old = gone.remove(id);
          if (old == null) {
            events.add(event(type, id, row, WatchAction.CREATE));
          } else if (!old.equals(row)) {
            events.add(event(type, id, row, WatchAction.UPDATE));
          }
        });
    before.forEach(
        (id, row) -> {
          if (gone.containsKey(id)) {
            events.add(new WatchEvent(0, type, id, row.name(), WatchAction.DELETE, clock.instant(), ""));
          }
        });
  }

  private WatchEvent event(ObjectType type, long id, Row row, WatchAction action) {
    return new WatchEvent(0, type, id, row.name(), action, row.updatedAt().orElseGet(clock::instant), "");
  }
}
