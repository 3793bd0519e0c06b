package io.reflex.tools.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ListQuery;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.Output;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "list", aliases = {"ls"}, mixinStandardHelpOptions = true, description = "List objects, optionally filtered")
final class ListAction extends ObjectAction {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILTER",
      description = "Name prefix or glob (sent to the engine) or a regular expression on names")
  String filter;

  @Option(names = {"-e", "--expression"}, paramLabel = "EXPR", description = "Keep objects for which this policy expression over obj is true")
  String expression;

  @Option(names = {"-s", "--show"}, split = ",", paramLabel = "COL", description = "Columns to show; a.b digs into field a")
  List<String> show;

  @Option(names = {"-a", "--archive"}, paramLabel = "FROM[~TO]", description = "List archived versions written in this range")
  String archive;

  @Option(names = {"-f", "--format"}, paramLabel = "FMT",
      description = "txt, json, list, csv or tsv; overrides --output for this list")
  ListFormat format;

  @Option(names = {"--stdout", "--out"}, split = ",", paramLabel = "COL",
      description = "Columns to print on stdout (default: the shown ones not sent to stderr)")
  List<String> stdoutColumns;

  @Option(names = {"--stderr", "--err"}, split = ",", paramLabel = "COL", description = "Columns to print on stderr")
  List<String> stderrColumns;

  ListAction(Invocation invocation, ObjectType type) {
    super(invocation, type);
  }

  @Override
  public Integer call() {
    StreamColumns streams =
        StreamColumns.of(show != null ? show : archive != null ? List.of("name", "id", "updated_at") : List.of("name", "id"), stdoutColumns, stderrColumns);
    List<String> columns = streams.all();
    NameFilter names = NameFilter.of(filter);
    Predicate<ReflexObject> keep = expression == null ? o -> true : ObjectExpression.compile(expression, type);
    ListQuery query = names.apply(ListQuery.of(type)).cols(expression != null ? List.of("*") : requested(columns));
    if (archive != null) {
      Instant[] range = TimeText.range(archive, Clock.systemUTC());
      query = query.archive(range[0], range[1]);
    }
    List<JsonNode> rows = new ArrayList<>();
    for (ReflexObject object : client().list(query)) {
      if (names.matches(object.name()) && keep.test(object)) {
        rows.add(shown(object.json(), columns));
      }
    }
    Output output = format == null ? out() : out().as(format.output());
    if (!streams.stdout().isEmpty()) {
      output.rows(streams.stdout(), rows);
    }
    if (!streams.stderr().isEmpty()) {
      output.onStderr().rows(streams.stderr(), rows);
    }
    return 0;
  }

  /** The engine's columns for the shown ones; {@code name} comes along so names can be filtered here. */
  private static List<String> requested(List<String> columns) {
    LinkedHashSet<String> cols = new LinkedHashSet<>();
    cols.add("name");
    columns.forEach(column -> cols.add(Bodies.topField(column)));
    return List.copyOf(cols);
  }

  private static ObjectNode shown(JsonNode object, List<String> columns) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    columns.forEach(column -> {
      JsonNode value = Bodies.dig(object, column);
      row.set(column, value.isMissingNode() ? null : value);
    });
    return row;
  }
}
