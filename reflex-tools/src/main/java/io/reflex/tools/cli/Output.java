package io.reflex.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The only writer of command results. Tables are for people; JSON and YAML carry the same rows for scripts,
 * which is why a command hands rows here instead of formatting them itself.
 */
public final class Output {
  private final PrintWriter out;
  private final PrintWriter err;
  private final OutputFormat format;

  Output(PrintWriter out, PrintWriter err, OutputFormat format) {
    this.out = out;
    this.err = err;
    this.format = format;
  }

  public OutputFormat format() {
    return format;
  }

  /** One document: indented JSON for tables and JSON, YAML for YAML. */
  public void document(JsonNode node) {
    print(format == OutputFormat.YAML ? JsonText.yaml(node) : JsonText.pretty(node) + "\n");
  }

  /**
   * Rows of named cells. A table shows the columns in order with a header; JSON and YAML give an array of
   * objects with those keys.
   */
  public void rows(List<String> columns, List<? extends JsonNode> rows) {
    if (format != OutputFormat.TABLE) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (JsonNode row : rows) {
        ObjectNode picked = array.addObject();
        columns.forEach(column -> picked.set(column, row.path(column).isMissingNode() ? null : row.get(column)));
      }
      document(array);
      return;
    }
    List<List<String>> cells = new ArrayList<>();
    cells.add(columns.stream().map(String::toUpperCase).toList());
    rows.forEach(row -> cells.add(columns.stream().map(c -> JsonText.text(row.get(c))).toList()));
    int[] widths = new int[columns.size()];
    cells.forEach(line -> {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    });
    for (List<String> line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = line.get(i);
        text.append(cell);
        if (i < widths.length - 1) {
          text.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.println(text.toString().stripTrailing());
    }
    out.flush();
  }

  /**
   * A confirmation such as {@code Deleted State 'x'}: on stdout for people, on stderr when the output is JSON or
   * YAML, so that stdout always parses.
   */
  public void status(String text) {
    PrintWriter target = format == OutputFormat.TABLE ? out : err;
    target.println(text);
    target.flush();
  }

  /** Plain text as it is: {@code -f txt} values, shell lines. */
  public void line(String text) {
    out.println(text);
    out.flush();
  }

  private void print(String text) {
    out.print(text);
    out.flush();
  }
}
