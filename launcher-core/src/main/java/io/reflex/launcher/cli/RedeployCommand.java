package io.reflex.launcher.cli;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;
import io.reflex.launcher.redeploy.RunDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code launch redeploy [SERVICE] [--build VERSION] [--config NAME]}: asks the launcher running SERVICE on this
 * host, through its control socket, and waits for the outcome. Exit 0 when the new color serves, 9 when it failed
 * (the old color keeps serving), 1 when no launcher answers.
 */
final class RedeployCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RedeployCommand() {
    }

    static int run(LaunchContext context) {
        String service = context.target().service();
        Path socket = RunDirectory.findSocket(service, context.environment()).orElseThrow(() ->
                new LaunchException(ExitReason.FAILED, "No launcher with a redeploy proxy runs " + service
                        + " on this host (no control socket launch-" + service + ".sock; is REFLEX_RUN_DIR the same?)"));
        ObjectNode command = JSON.createObjectNode().put("command", "redeploy");
        context.arguments().redeploy().build().ifPresent(build -> command.put("build", build));
        context.arguments().actionConfig().ifPresent(config -> command.put("config", config));
        JsonNode answer;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            OutputStream out = Channels.newOutputStream(channel);
            out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new LaunchException(ExitReason.FAILED, "The launcher of " + service + " closed the control "
                        + "socket without an answer (it may be stopping)");
            }
            answer = JSON.readTree(line);
        } catch (IOException e) {
            throw new LaunchException(ExitReason.FAILED, "Cannot reach the launcher of " + service + " at " + socket
                    + ": " + e.getMessage(), e);
        }
        context.out().println(answer);
        if ("done".equals(answer.path("state").asText())) {
            context.log().info("Redeploy " + answer.path("id").asText() + " done: color "
                    + answer.path("color").asInt() + " serves " + service);
            return 0;
        }
        context.log().info("Redeploy of " + service + " failed: " + answer.path("message").asText());
        return "failed".equals(answer.path("state").asText()) ? ExitReason.LIFECYCLE_FAILED.code()
                : ExitReason.FAILED.code();
    }
}
