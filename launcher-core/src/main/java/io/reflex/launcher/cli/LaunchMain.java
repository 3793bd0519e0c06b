package io.reflex.launcher.cli;

import io.reflex.client.AuthenticationException;
import io.reflex.client.EngineUnreachableException;
import io.reflex.client.ForbiddenException;
import io.reflex.client.InvalidSettingsException;
import io.reflex.client.ReflexException;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code launch}: the only place that prints a fatal error and the only caller of {@link System#exit}. Every
 * failure type maps to one exit code here (see {@link ExitReason}); nobody else decides exit codes.
 */
public final class LaunchMain {

    private LaunchMain() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.getenv(), System.out, System.err, Clock.systemUTC()));
    }

    static int run(String[] argv, Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {
        ConsoleLog log = new ConsoleLog(err, false, false, false, clock);
        try {
            Arguments arguments = Arguments.parse(argv);
            log = new ConsoleLog(err, arguments.notime(), arguments.logfmt().equals("json"), arguments.debug(), clock);
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", arguments.debug() ? "debug" : "warn");
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
            if (arguments.version()) {
                out.println("launch " + version());
                return 0;
            }
            if (arguments.help()) {
                out.print(Help.TEXT);
                return 0;
            }
            LaunchContext context = LaunchContext.of(List.of(argv), arguments, environment, log, out, clock);
            return switch (arguments.command()) {
                case "env" -> InspectCommands.env(context);
                case "config" -> InspectCommands.config(context);
                case "action" -> ActionCommand.run(context);
                case "instances" -> InstancesCommand.run(context);
                case "redeploy" -> RedeployCommand.run(context);
                default -> ServiceCommand.run(context);
            };
        } catch (LaunchException e) {
            log.abort(e.getMessage());
            return e.reason().code();
        } catch (ReflexException e) {
            log.abort(e.getMessage());
            return reason(e).code();
        } catch (RuntimeException e) {
            log.abort(e.getMessage() == null ? e.toString() : e.getMessage());
            return ExitReason.FAILED.code();
        }
    }

    static String version() {
        try (InputStream in = LaunchMain.class.getResourceAsStream("/launcher-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static ExitReason reason(ReflexException e) {
        return switch (e) {
            case EngineUnreachableException unreachable -> ExitReason.ENGINE_UNREACHABLE;
            case AuthenticationException refused -> ExitReason.AUTHENTICATION;
            case ForbiddenException denied -> ExitReason.AUTHENTICATION;
            case InvalidSettingsException settings -> ExitReason.AUTHENTICATION;
            default -> ExitReason.FAILED;
        };
    }
}
