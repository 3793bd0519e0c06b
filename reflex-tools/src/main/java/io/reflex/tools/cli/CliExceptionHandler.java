package io.reflex.tools.cli;

import io.reflex.client.AuthenticationException;
import io.reflex.client.ConflictException;
import io.reflex.client.EngineErrorException;
import io.reflex.client.EngineUnreachableException;
import io.reflex.client.ForbiddenException;
import io.reflex.client.InvalidSettingsException;
import io.reflex.client.NotFoundException;
import io.reflex.client.ReflexException;
import io.reflex.client.ValidationException;
import io.reflex.client.config.ConfigException;
import io.reflex.client.config.ConfigNotFoundException;
import io.reflex.engine.policy.expr.ExpressionSyntaxException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns a failure into an exit code and a sentence: one line {@code reflex: <message>} on
 * stderr, plus the stack trace with {@code --debug}. Nothing else in the CLI catches exceptions to print them.
 */
public final class CliExceptionHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final Invocation invocation;

  public CliExceptionHandler(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    report("reflex: " + oneLine(e), e);
    return exitCode(e);
  }

  /** Usage errors (unknown commands, object types, actions and options), with picocli's suggestions, in one line. */
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    StringBuilder line = new StringBuilder(oneLine(e));
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append("?)");
    }
    line.append("; see '").append(e.getCommandLine().getCommandSpec().qualifiedName()).append(" --help'");
    report("reflex: " + line, e);
    return ExitCode.USAGE;
  }

  /** The exit code for {@code e}; the switch is exhaustive over the client's sealed failure types. */
  public static int exitCode(Throwable e) {
    return switch (e) {
      case ReflexException reflex -> reflexExitCode(reflex);
      case CliException cli -> cli.exitCode();
      case ConfigNotFoundException missing -> ExitCode.NOT_FOUND;
      case ConfigException config -> ExitCode.CONFLICT;
      default -> ExitCode.USAGE;
    };
  }

  private static int reflexExitCode(ReflexException e) {
    return switch (e) {
      case EngineUnreachableException unreachable -> ExitCode.UNREACHABLE;
      case EngineErrorException broken -> ExitCode.UNREACHABLE;
      case AuthenticationException auth -> ExitCode.AUTH;
      case ForbiddenException forbidden -> ExitCode.AUTH;
      case NotFoundException notFound -> ExitCode.NOT_FOUND;
      case ConflictException conflict -> ExitCode.CONFLICT;
      case ValidationException invalid -> ExitCode.CONFLICT;
      case InvalidSettingsException settings -> ExitCode.USAGE;
    };
  }

  private void report(String line, Exception e) {
    PrintWriter err = invocation.context().err();
    err.println(line);
    if (invocation.debug()) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
    if (e instanceof ExpressionSyntaxException) {
      message = "invalid expression: " + message;
    }
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
