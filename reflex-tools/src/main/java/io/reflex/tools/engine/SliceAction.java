package io.reflex.tools.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.reflex.client.ListQuery;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.JsonText;
import io.reflex.tools.cli.OutputFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Answers questions such as "which groups do the prod services use" in one call. */
@Command(name = "slice", mixinStandardHelpOptions = true,
    description = "Print the union of KEY's values over objects whose name starts with NAME-REGEX and for which EXPR holds")
final class SliceAction extends ObjectAction {
  @Parameters(index = "0", paramLabel = "NAME-REGEX")
  String nameRegex;

  @Parameters(index = "1", paramLabel = "EXPR")
  String expression;

  @Parameters(index = "2", paramLabel = "KEY")
  String key;

  SliceAction(Invocation invocation, ObjectType type) {
    super(invocation, type);
  }

  @Override
  public Integer call() {
    NameFilter names = NameFilter.anchored(nameRegex);
    ObjectExpression keep = ObjectExpression.compile(expression, type);
    Set<JsonNode> values = new LinkedHashSet<>();
    for (ReflexObject object : client().list(ListQuery.of(type).cols("*"))) {
      if (names.matches(object.name()) && keep.test(object)) {
        JsonNode value = Bodies.dig(object.json(), key);
        if (value.isArray()) {
          value.forEach(values::add);
        } else if (!value.isMissingNode()) {
          values.add(value);
        }
      }
    }
    if (out().format() == OutputFormat.TABLE) {
      values.forEach(value -> out().line(JsonText.text(value)));
    } else {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      values.forEach(array::add);
      out().document(array);
    }
    return 0;
  }
}
