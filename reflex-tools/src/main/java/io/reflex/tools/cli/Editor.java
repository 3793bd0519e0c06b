package io.reflex.tools.cli;

import java.nio.file.Path;

/** Lets the user change a file; injected so tests can edit without a terminal. */
@FunctionalInterface
public interface Editor {

  /**
   * Returns when the user is done with {@code file}.
   *
   * @throws CliException when the editor cannot be started or reports failure
   */
  void edit(Path file);
}
