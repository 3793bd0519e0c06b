package io.reflex.tools.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a completion script generated from the live command tree, so it never falls behind the commands. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Print a shell completion script: source <(reflex completion bash)")
public final class CompletionCommand implements Callable<Integer> {
  /** Only bash for now; picocli's script also works in zsh after bashcompinit. */
  enum Shell {
    BASH
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash")
  Shell shell;

  private final Invocation invocation;

  public CompletionCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    invocation.out().line(AutoComplete.bash("reflex", spec.root().commandLine()));
    return 0;
  }
}
