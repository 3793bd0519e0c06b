package io.reflex.tools.cli;

/**
 * How results are written: aligned columns for people, JSON or YAML for programs, and header-less lines, CSV or
 * TSV for shell pipelines and spreadsheets. The last three shape rows only; a single document prints as JSON.
 */
public enum OutputFormat {
  TABLE,
  JSON,
  YAML,
  LIST,
  CSV,
  TSV
}
