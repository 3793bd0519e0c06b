package io.reflex.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Questions to the person at the keyboard. Questions go to stderr so that a command's stdout stays its result;
 * answers come from the context's input, so tests script them.
 */
public final class Prompts {
  private final CliContext context;

  public Prompts(CliContext context) {
    this.context = context;
  }

  /** The answer, stripped; an empty answer means {@code current}. */
  public String ask(String question, String current) {
    return ask(question, current, current);
  }

  /** As {@link #ask(String, String)}, but shows {@code shown} for the current value (a masked secret). */
  public String ask(String question, String current, String shown) {
    PrintWriter err = context.err();
    err.print(question + (shown.isEmpty() ? "" : " [" + shown + "]") + ": ");
    err.flush();
    try {
      String answer = context.in().readLine();
      if (answer == null) {
        throw CliException.usage("Input ended before all questions were answered; nothing was saved");
      }
      return answer.isBlank() ? current : answer.strip();
    } catch (IOException e) {
      throw CliException.usage("Cannot read the answer: " + e.getMessage());
    }
  }

  /** True only for an explicit yes: a stray Enter must not start a change. */
  public boolean confirm(String question) {
    return ask(question + " [y/N]", "n", "").toLowerCase(java.util.Locale.ROOT).startsWith("y");
  }

  /** A secret read without echo. */
  public String secret(String prompt) {
    return new String(context.secrets().read(prompt));
  }
}
