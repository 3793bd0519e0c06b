package io.reflex.launcher.cli;

import io.reflex.client.ReflexClient;
import io.reflex.client.config.LaunchOutput;
import io.reflex.launcher.files.ConfigFileWriter;
import io.reflex.launcher.plan.PreparedService;

/**
 * {@code launch env} and {@code launch config} (6.7): the preparation without running anything. Both print
 * secrets in clear on stdout, as documented; nothing here logs them. {@code env} also prints the links' variables
 * that the config's setenv does not override, after the config's own.
 */
final class InspectCommands {

    private InspectCommands() {
    }

    static int env(LaunchContext context) {
        ReflexClient client = context.client();
        PreparedService prepared = context.preparer(client)
                .prepare(context.target(), context.environment(), context::localDirs, false);
        boolean export = !context.arguments().noexport();
        context.out().print(LaunchOutput.env(prepared.plan(), export));
        prepared.links().forEach(link -> link.environment().forEach((name, value) -> {
            if (!prepared.plan().setenv().containsKey(name)) {
                context.out().print(LaunchOutput.envLine(name, value, export));
            }
        }));
        context.out().flush();
        return 0;
    }

    static int config(LaunchContext context) {
        ReflexClient client = context.client();
        boolean commit = context.arguments().commit();
        PreparedService prepared = context.preparer(client)
                .prepare(context.target(), context.environment(), context::localDirs, commit);
        if (commit) {
            prepared.plan().log().forEach(context.log()::info);
            if (!prepared.plan().files().isEmpty()) {
                ConfigFileWriter.requireWritable(prepared.cfgdir());
                ConfigFileWriter.writeAll(prepared.plan().files());
            }
        }
        context.out().print(LaunchOutput.config(prepared.pipeline().json(), prepared.service().json(), prepared.plan()));
        context.out().flush();
        return 0;
    }
}
