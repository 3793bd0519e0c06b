package io.reflex.tools.policy;

import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code reflex policy}: views over policies together with the scopes that map them. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Show policies with their scopes")
public final class PolicyCommand {
  @Mixin GlobalOptions global;

  private PolicyCommand() {}

  public static CommandLine create(Invocation invocation) {
    CommandLine policy = new CommandLine(new PolicyCommand());
    policy.addSubcommand(new ListPolicies(invocation));
    return policy;
  }
}
