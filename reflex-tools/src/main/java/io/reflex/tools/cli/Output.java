package io.reflex.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

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

  /** The same output in another format, for a command option that overrides {@code --output}. */
  public Output as(OutputFormat other) {
    return new Output(out, err, other);
  }

  /** The same format written to stderr, so that a command can split its columns between the two streams. */
  public Output onStderr() {
    return new Output(err, err, format);
  }

  /**
   * Rows of named cells. A table shows the columns in order with a header; JSON and YAML give an array of
   * objects with those keys; LIST gives the cells of a row separated by spaces, without a header, for
   * {@code for x in $(...)}; CSV and TSV have a header line.
   */
  public void rows(List<String> columns, List<? extends JsonNode> rows) {
    switch (format) {
      case JSON, YAML -> document(picked(columns, rows));
      case TABLE -> table(columns, rows);
      case LIST -> rows.forEach(row -> out.println(String.join(" ", cells(columns, row))));
      case CSV -> delimited(columns, rows, ",", Output::csvCell);
      case TSV -> delimited(columns, rows, "\t", Output::tsvCell);
    }
    out.flush();
  }

  private static ArrayNode picked(List<String> columns, List<? extends JsonNode> rows) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (JsonNode row : rows) {
      ObjectNode picked = array.addObject();
      columns.forEach(column -> picked.set(column, row.path(column).isMissingNode() ? null : row.get(column)));
    }
    return array;
  }

  private static List<String> cells(List<String> columns, JsonNode row) {
    return columns.stream().map(c -> JsonText.text(row.get(c))).toList();
  }

  private void table(List<String> columns, List<? extends JsonNode> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(columns.stream().map(String::toUpperCase).toList());
    rows.forEach(row -> cells.add(cells(columns, row)));
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
  }

  private void delimited(List<String> columns, List<? extends JsonNode> rows, String separator, UnaryOperator<String> escape) {
    out.println(columns.stream().map(escape).collect(Collectors.joining(separator)));
    rows.forEach(row -> out.println(cells(columns, row).stream().map(escape).collect(Collectors.joining(separator))));
  }

  /** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
  private static String csvCell(String cell) {
    return cell.matches("(?s).*[\",\r\n].*") ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }

  /** TSV cannot quote, so tabs and line breaks inside a cell are written as escapes, as PostgreSQL's COPY does. */
  private static String tsvCell(String cell) {
    return cell.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  /**
   * A confirmation such as {@code Deleted State 'x'}: on stdout for people, on stderr for every machine format,
   * so that stdout always parses.
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
