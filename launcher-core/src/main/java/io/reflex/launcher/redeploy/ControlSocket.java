package io.reflex.launcher.redeploy;

import io.reflex.launcher.log.LaunchLog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code launch redeploy} on the same host talks to the running launcher here: a Unix socket of mode 0600 in a
 * directory of mode 0700, so only the launcher's own user can ask. One JSON line in
 * ({@code {"command": "redeploy", "build": ..., "config": ...}}), one JSON line out when the redeploy has ended.
 */
public final class ControlSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final ServerSocketChannel server;
    private final Function<RedeployRequest, CompletableFuture<RedeployOutcome>> redeploy;
    private final LaunchLog log;

    private ControlSocket(Path path, ServerSocketChannel server,
                          Function<RedeployRequest, CompletableFuture<RedeployOutcome>> redeploy, LaunchLog log) {
        this.path = path;
        this.server = server;
        this.redeploy = redeploy;
        this.log = log;
    }

    /**
     * Listens on {@code path}. A socket file left by a launcher that died is replaced; one a live launcher still
     * answers on is not: the launcher runs without a control socket and says so.
     */
    public static Optional<ControlSocket> start(Path path, Function<RedeployRequest, CompletableFuture<RedeployOutcome>> redeploy,
                                                LaunchLog log) {
        try {
            if (Files.exists(path)) {
                if (answers(path)) {
                    log.info("Control socket " + path + " belongs to another running launcher; "
                            + "this one has none (set REFLEX_RUN_DIR to separate them)");
                    return Optional.empty();
                }
                Files.delete(path);
            }
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            ControlSocket socket = new ControlSocket(path, server, redeploy, log);
            Thread.ofPlatform().daemon().name("launch-control-socket").start(socket::acceptLoop);
            log.info("Control socket " + path);
            return Optional.of(socket);
        } catch (IOException e) {
            log.info("Cannot open the control socket " + path + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean answers(Path path) {
        try (SocketChannel ignored = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("launch-control-client").start(() -> serve(client));
            } catch (IOException e) {
                if (server.isOpen()) {
                    log.info("Control socket: " + e.getMessage());
                }
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                     StandardCharsets.UTF_8));
             OutputStream out = Channels.newOutputStream(client)) {
            String line = in.readLine();
            if (line == null) {
                return;
            }
            out.write((answer(line) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.info("Control socket: " + e.getMessage());
        }
    }

    private String answer(String line) throws IOException {
        JsonNode command;
        try {
            command = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return error("not a JSON command: " + e.getOriginalMessage());
        }
        if (!"redeploy".equals(command.path("command").asText())) {
            return error("unknown command: " + command.path("command").asText());
        }
        RedeployOutcome outcome = redeploy.apply(RedeployRequest.local(ControlRequests.target(command), "socket")).join();
        return JSON.writeValueAsString(ControlRequests.answer(outcome));
    }

    private static String error(String message) throws IOException {
        return JSON.writeValueAsString(JSON.createObjectNode().put("state", "error").put("message", message));
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
