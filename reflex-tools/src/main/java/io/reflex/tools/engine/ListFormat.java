package io.reflex.tools.engine;

import io.reflex.tools.cli.OutputFormat;

/** The original's {@code list -f} names; {@code txt} is its aligned table. */
enum ListFormat {
  TXT(OutputFormat.TABLE),
  JSON(OutputFormat.JSON),
  LIST(OutputFormat.LIST),
  CSV(OutputFormat.CSV),
  TSV(OutputFormat.TSV);

  private final OutputFormat output;

  ListFormat(OutputFormat output) {
    this.output = output;
  }

  OutputFormat output() {
    return output;
  }
}
