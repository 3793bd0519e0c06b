package io.reflex.tools.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import java.util.List;

/**
 * An object a seeding command creates if missing, with builders for the shapes several of them write: the
 * engine's field names for policies and scopes are spelled here once.
 */
public record Seed(ObjectType type, ReflexObject object) {

  public static Seed of(ObjectType type, ObjectNode body) {
    return new Seed(type, ReflexObject.of(body));
  }

  /** An empty body with only {@code name}, to fill in. */
  public static ObjectNode named(String name) {
    return JsonNodeFactory.instance.objectNode().put("name", name);
  }

  public static Seed policy(String name, String expression) {
    return of(ObjectType.POLICY, named(name).put("policy", expression).put("result", "pass"));
  }

  /**
   * A scope applying policy {@code name} (it has the policy's name).
   *
   * @param type {@code targeted} or {@code global}
   * @param actions {@code read}, {@code write}, {@code admin} or a comma list
   * @param objects table names ({@code Config}) or {@code *}
   */
  public static Seed scope(String name, String type, String actions, List<String> objects, String matches) {
    ObjectNode scope = named(name).put("policy", name).put("type", type).put("actions", actions).put("matches", matches);
    objects.forEach(scope.putArray("objects")::add);
    return of(ObjectType.POLICYSCOPE, scope);
  }
}
