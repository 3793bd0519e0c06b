package io.reflex.launcher.cli;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.process.SignalForwarder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parsed command line. Hand-written rather than picocli: {@code launch} sits in front of every container start,
 * and a reflective command framework costs tens of milliseconds there for a dozen options.
 *
 * @param command      {@code service}, {@code env}, {@code config}, {@code action}, {@code instances}, or empty
 *                     for {@code --version}/{@code --help}
 * @param target       {@code NAME[:ACTION]} when given; for {@code action}, its sub-command or the action name
 * @param appArguments appended to the app's argv (or the action's)
 * @param exportMeta   {@code action}: give actions {@code REFLEX_URL} and {@code REFLEX_APIKEY} (7.2)
 * @param actionConfig {@code action --config X}: what {@code "config": "stdin"} actions read, as a JSON string;
 *                     for {@code redeploy}, the top config to flatten
 * @param watchLinks   {@code --watch-links[=FILE]}: keep the links file current
 * @param linksFile    its FILE; empty means {@code CFGDIR/links.json}
 * @param linksSignal  sent to the app after the links file changed, or {@code NONE}
 * @param format       {@code instances}: {@code table} or {@code json}
 * @param redeploy     the redeploy proxy's options and {@code launch redeploy}'s
 * @param exitWithParent {@code --exit-with-parent}: stop as on SIGTERM when the process that started this one ends
 */
public record Arguments(String command, Optional<String> target, List<String> appArguments, Mode mode,
                        Duration grace, Duration splay, Duration waitForEngine, boolean restartOnFailure, boolean watch,
                        String reloadSignal, boolean noexport, boolean commit, boolean notime, String logfmt,
                        boolean debug, Optional<Path> secretsDir, boolean version, boolean help, boolean exportMeta,
                        Optional<String> actionConfig, boolean watchLinks, Optional<Path> linksFile, String linksSignal,
                        String format, RedeployOptions redeploy, boolean exitWithParent) {

    /** How the app runs after preparation. */
    public enum Mode { EXEC, SUPERVISE }

    private static final List<String> COMMANDS =
            List.of("service", "app", "env", "config", "cfg", "action", "act", "instances", "redeploy");

    public static Arguments parse(String... argv) {
        Builder b = new Builder();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--")) {
                b.app.addAll(List.of(argv).subList(i + 1, argv.length));
                break;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = arg.contains("=") && arg.startsWith("--");
            switch (name) {
                case "--version", "-V" -> b.version = true;
                case "--help", "-h" -> b.help = true;
                case "--watch" -> b.watch = true;
                case "--exit-with-parent" -> b.exitWithParent = true;
                case "--noexport" -> b.noexport = true;
                case "--commit" -> b.commit = true;
                case "--export-meta", "--expose-meta" -> b.exportMeta = true;
                case "--watch-links" -> {
                    b.watchLinks = true;
                    b.linksFile = inline ? Optional.of(Path.of(arg.substring(arg.indexOf('=') + 1))) : Optional.empty();
                }
                case "--notime" -> b.notime = true;
                case "--debug" -> b.debug = true;
                case "--mode", "--grace", "--splay", "--wait", "--restart", "--reload-signal", "--logfmt",
                     "--secrets-dir", "--config", "--links-signal", "--format" -> {
                    b.option(name, inline ? arg.substring(arg.indexOf('=') + 1) : value(argv, ++i, name));
                }
                case "--proxy" -> {
                    boolean valued = inline || i + 1 < argv.length && RedeployOptions.isAddress(argv[i + 1]);
                    b.redeploy = b.redeploy.with(name, inline ? arg.substring(arg.indexOf('=') + 1)
                            : valued ? argv[++i] : "");
                }
                case "--health", "--expect", "--warmup", "--ready-timeout", "--drain", "--control", "--instance",
                     "--build" -> b.redeploy = b.redeploy.with(name, inline ? arg.substring(arg.indexOf('=') + 1)
                        : value(argv, ++i, name));
                default -> rest.add(arg);
            }
        }
        if (!rest.isEmpty() && !rest.getFirst().startsWith("-")) {
            b.command = command(rest.removeFirst());
            if (!rest.isEmpty() && !rest.getFirst().startsWith("-")) {
                b.target = Optional.of(rest.removeFirst());
            }
        }
        List<String> app = new ArrayList<>(rest);
        app.addAll(b.app);
        if (b.command.isEmpty() && !b.version && !b.help) {
            throw usage("Missing command: service, env, config, action, instances or redeploy (see --help)");
        }
        if (b.redeploy.proxy().isPresent()) {
            if (b.modeGiven && b.mode == Mode.EXEC) {
                throw usage("--proxy needs --mode supervise: the launcher runs the app's colors behind it");
            }
            b.mode = Mode.SUPERVISE;
        }
        if (b.mode != Mode.SUPERVISE && (b.watch || b.restart || b.watchLinks || b.exitWithParent)) {
            throw usage("--watch, --watch-links, --restart and --exit-with-parent need --mode supervise: in exec mode"
                    + " no launcher stays to act");
        }
        return new Arguments(b.command, b.target, app, b.mode, b.grace, b.splay, b.wait, b.restart, b.watch,
                b.reloadSignal, b.noexport, b.commit, b.notime, b.logfmt, b.debug, b.secretsDir, b.version, b.help,
                b.exportMeta, b.actionConfig, b.watchLinks, b.linksFile, b.linksSignal, b.format, b.redeploy,
                b.exitWithParent);
    }

    private static String value(String[] argv, int index, String option) {
        if (index >= argv.length) {
            throw usage(option + " needs a value");
        }
        return argv[index];
    }

    /** Accepts any unambiguous prefix, as the original's option matcher did ({@code launch serv}). */
    private static String command(String word) {
        List<String> matches = COMMANDS.stream().filter(c -> c.startsWith(word)).toList();
        if (matches.isEmpty()) {
            throw usage("Unknown command: " + word
                    + " (expected service, app, env, config, cfg, action, instances or redeploy)");
        }
        String match = matches.contains(word) ? word : matches.getFirst();
        return switch (match) {
            case "app" -> "service";
            case "cfg" -> "config";
            case "act" -> "action";
            default -> match;
        };
    }

    static Duration duration(String option, String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            String seconds = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
            return Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
        } catch (NumberFormatException e) {
            throw usage(option + ": not a duration: " + text + " (e.g. 10, 10s, 500ms, 2m)");
        }
    }

    static LaunchException usage(String message) {
        return new LaunchException(ExitReason.USAGE, message);
    }

    private static final class Builder {
        private String command = "";
        private Optional<String> target = Optional.empty();
        private final List<String> app = new ArrayList<>();
        private Mode mode = Mode.EXEC;
        private Duration grace = Duration.ofSeconds(10);
        private Duration splay = Duration.ZERO;
        private Duration wait = Duration.ofSeconds(30);
        private boolean restart;
        private boolean watch;
        private String reloadSignal = "HUP";
        private boolean noexport;
        private boolean commit;
        private boolean notime;
        private String logfmt = "txt";
        private boolean debug;
        private Optional<Path> secretsDir = Optional.empty();
        private boolean version;
        private boolean help;
        private boolean exportMeta;
        private Optional<String> actionConfig = Optional.empty();
        private boolean watchLinks;
        private boolean exitWithParent;
        private Optional<Path> linksFile = Optional.empty();
        private String linksSignal = "HUP";
        private String format = "table";
        private RedeployOptions redeploy = RedeployOptions.NONE;
        private boolean modeGiven;

        private void option(String name, String value) {
            switch (name) {
                case "--mode" -> {
                    modeGiven = true;
                    mode = switch (value) {
                        case "exec" -> Mode.EXEC;
                        case "supervise" -> Mode.SUPERVISE;
                        default -> throw usage("--mode must be exec or supervise, not " + value);
                    };
                }
                case "--grace" -> grace = duration(name, value);
                case "--splay" -> splay = duration(name, value);
                case "--wait" -> wait = duration(name, value);
                case "--restart" -> restart = switch (value) {
                    case "on-failure" -> true;
                    case "no", "never" -> false;
                    default -> throw usage("--restart must be no or on-failure, not " + value);
                };
                case "--reload-signal" -> reloadSignal = signal(name, value);
                case "--links-signal" -> linksSignal = signal(name, value);
                case "--format" -> format = switch (value) {
                    case "table", "json" -> value;
                    default -> throw usage("--format must be table or json, not " + value);
                };
                case "--logfmt" -> logfmt = switch (value) {
                    case "txt", "json" -> value;
                    default -> throw usage("--logfmt must be txt or json, not " + value);
                };
                case "--secrets-dir" -> secretsDir = Optional.of(Path.of(value));
                case "--config" -> actionConfig = Optional.of(value);
                default -> throw usage("Unknown option " + name);
            }
        }

        private static String signal(String option, String value) {
            String signal = value.toUpperCase(Locale.ROOT).replaceFirst("^SIG", "");
            if (!signal.equals("NONE") && !SignalForwarder.FORWARDED.containsKey(signal)) {
                throw usage(option + " must be none or one of " + SignalForwarder.FORWARDED.keySet());
            }
            return signal;
        }
    }
}
