package io.reflex.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Test access to {@link EngineMain}'s package-private parts: parse flags with an injected environment. */
public final class EngineMainAccess {

    private EngineMainAccess() {}

    public record Run(int exitCode, String err) {}

    public static EngineSettings settings(Map<String, String> env, Path secretsDir, String... args) throws Exception {
        EngineMain main = new EngineMain(env, secretsDir);
        new CommandLine(main).parseArgs(args);
        return main.settings();
    }

    /** Runs the command up to the point of starting (which bad input never reaches). */
    public static Run run(Map<String, String> env, Path secretsDir, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = EngineMain.commandLine(new EngineMain(env, secretsDir));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), err.toString());
    }
}
