package io.reflex.tools.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The original tools ran the scope named by their program name ({@code rxe pi ls} is {@code reflex engine pi ls}).
 * A JVM cannot see the name it was started under, so a wrapper passes it as a leading {@code --as NAME}
 * (a path is fine: {@code --as "$0"}). Any name other than {@code reflex} becomes the scope, so an unknown one
 * is reported like an unknown command, with suggestions.
 */
final class ProgramName {
  private static final String OPTION = "--as";

  private ProgramName() {}

  /** {@code args} as {@code reflex} would take them; a lone {@code --as} is left for picocli to reject. */
  static String[] expand(String... args) {
    boolean attached = args.length > 0 && args[0].startsWith(OPTION + "=");
    if (!attached && (args.length < 2 || !args[0].equals(OPTION))) {
      return args;
    }
    String given = attached ? args[0].substring(OPTION.length() + 1) : args[1];
    String[] rest = Arrays.copyOfRange(args, attached ? 1 : 2, args.length);
    Path file = Path.of(given).getFileName();
    String name = file == null ? given : file.toString();
    return name.equals("reflex") ? rest : Stream.concat(Stream.of(name), Arrays.stream(rest)).toArray(String[]::new);
  }
}
