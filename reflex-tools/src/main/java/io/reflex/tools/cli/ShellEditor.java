package io.reflex.tools.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs {@code $EDITOR} (or {@code vi}) through {@code sh}, because users set EDITOR to commands with arguments
 * such as {@code code --wait}. The editor shares this process's terminal.
 */
public final class ShellEditor implements Editor {
  private final String command;

  public ShellEditor(Map<String, String> environment) {
    String editor = environment.getOrDefault("EDITOR", "");
    this.command = editor.isBlank() ? "vi" : editor;
  }

  @Override
  public void edit(Path file) {
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", command + " \"$1\"", "sh", file.toString()).inheritIO();
    try {
      int code = builder.start().waitFor();
      if (code != 0) {
        throw CliException.usage("Editor '" + command + "' exited with status " + code);
      }
    } catch (IOException e) {
      throw CliException.usage("Cannot start editor '" + command + "': " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.usage("Interrupted while waiting for the editor");
    }
  }
}
