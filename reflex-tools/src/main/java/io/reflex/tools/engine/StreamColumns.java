package io.reflex.tools.engine;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which columns of {@code list} go to stdout and which to stderr. Splitting lets a script capture only names
 * while a person still sees the ids: {@code for p in $(rxe pi ls -f list --stderr id)}.
 *
 * @param all every column to fetch, in order: the shown ones, then any only named for a stream
 * @param stdout the columns printed on stdout
 * @param stderr the columns printed on stderr; empty unless {@code --stderr} is given
 */
record StreamColumns(List<String> all, List<String> stdout, List<String> stderr) {

  /**
   * Without {@code --stdout}, stdout gets the shown columns that {@code --stderr} does not take; either option
   * may name columns beyond {@code -s}.
   */
  static StreamColumns of(List<String> shown, List<String> toStdout, List<String> toStderr) {
    List<String> stderr = toStderr == null ? List.of() : List.copyOf(toStderr);
    List<String> stdout = toStdout != null ? List.copyOf(toStdout) : shown.stream().filter(c -> !stderr.contains(c)).toList();
    LinkedHashSet<String> all = new LinkedHashSet<>(shown);
    all.addAll(stdout);
    all.addAll(stderr);
    return new StreamColumns(List.copyOf(all), stdout, stderr);
  }
}
