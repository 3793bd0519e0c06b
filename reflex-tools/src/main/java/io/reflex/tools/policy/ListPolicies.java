package io.reflex.tools.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ListQuery;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * One row per policy and scope that maps it, so that "who may do what where" is one listing instead of two
 * that must be joined by eye. A policy no scope maps still gets a row: it has no effect, which is worth seeing.
 * Scopes are joined on {@code policy_id} where the engine gives it, because policy names need not be unique.
 */
@Command(name = "list", aliases = {"ls"}, mixinStandardHelpOptions = true,
    description = "List policies with the scopes that map them")
final class ListPolicies implements Callable<Integer> {
  private static final List<String> COLUMNS = List.of("policy", "result", "order", "expression", "scope", "type", "actions", "objects", "matches");

  @Mixin GlobalOptions global;

  private final Invocation invocation;

  ListPolicies(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    ReflexClient client = invocation.client();
    List<ReflexObject> policies = all(client, ObjectType.POLICY);
    List<ReflexObject> scopes = all(client, ObjectType.POLICYSCOPE);
    List<ObjectNode> rows = new ArrayList<>();
    for (ReflexObject policy : policies) {
      List<ReflexObject> mapping = scopes.stream().filter(scope -> maps(scope, policy)).toList();
      if (mapping.isEmpty()) {
        rows.add(policyRow(policy));
      }
      mapping.forEach(scope -> rows.add(scopeRow(policyRow(policy), scope)));
    }
    invocation.out().rows(COLUMNS, rows);
    return 0;
  }

  private static List<ReflexObject> all(ReflexClient client, ObjectType type) {
    return client.list(ListQuery.of(type).cols(List.of("*"))).stream().sorted(Comparator.comparing(ReflexObject::name)).toList();
  }

  private static boolean maps(ReflexObject scope, ReflexObject policy) {
    JsonNode policyId = scope.json().path("policy_id");
    if (policyId.canConvertToLong() && policy.id().isPresent()) {
      return policyId.asLong() == policy.id().getAsLong();
    }
    return scope.text("policy").filter(policy.name()::equals).isPresent();
  }

  private static ObjectNode policyRow(ReflexObject policy) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("policy", policy.name());
    row.set("result", policy.json().get("result"));
    row.set("order", policy.json().get("order"));
    row.set("expression", policy.json().get("policy"));
    return row;
  }

  private static ObjectNode scopeRow(ObjectNode row, ReflexObject scope) {
    row.put("scope", scope.name());
    for (String field : List.of("type", "actions", "objects", "matches")) {
      row.set(field, scope.json().get(field));
    }
    return row;
  }
}
