package io.reflex.tools.cli;

/** How results are written: aligned columns for people, JSON or YAML for programs. */
public enum OutputFormat {
  TABLE,
  JSON,
  YAML
}
