package io.reflex.gui.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's saved connections: names, URLs and proxies in {@code console-profiles.json}, apikeys and proxy
 * passwords in the {@link ApikeyVault}, both under the user's config directory next to the CLI's
 * {@code profiles.json}.
 */
public final class SavedConnections {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final ApikeyVault vault;

    public SavedConnections(Path directory) {
        this.file = directory.resolve("console-profiles.json");
        this.vault = new ApikeyVault(directory);
    }

    /** {@code $XDG_CONFIG_HOME/reflex}, else {@code $HOME/.config/reflex}. */
    public static Path defaultDirectory(Map<String, String> environment) {
        String xdg = environment.getOrDefault("XDG_CONFIG_HOME", "");
        Path base = xdg.isBlank()
                ? Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".config")
                : Path.of(xdg);
        return base.resolve("reflex");
    }

    /** A saved connection; the apikey stays in the vault until {@link #target} needs it. */
    public record Saved(String name, String url) {}

    public List<Saved> list() {
        List<Saved> saved = new ArrayList<>();
        for (JsonNode entry : read()) {
            saved.add(new Saved(entry.path("name").asText(), entry.path("url").asText()));
        }
        return saved;
    }

    public void save(String name, String url, String apikey, ProxySettings proxy) {
        vault.store(name, apikey);
        if (proxy.hasCredentials()) {
            vault.store(proxyPasswordKey(name), proxy.password());
        } else {
            vault.remove(proxyPasswordKey(name));
        }
        ArrayNode entries = read();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).path("name").asText().equals(name)) {
                entries.remove(i);
            }
        }
        ObjectNode entry = entries.addObject();
        entry.put("name", name);
        entry.put("url", url);
        if (!proxy.isDirect()) {
            ObjectNode proxyEntry = entry.putObject("proxy");
            proxyEntry.put("kind", proxy.kind().name());
            proxyEntry.put("host", proxy.host());
            proxyEntry.put("port", proxy.port());
            proxyEntry.put("user", proxy.user());
        }
        write(entries);
    }

    private static String proxyPasswordKey(String name) {
        return "proxy-password/" + name;
    }

    public Optional<ConnectionTarget> target(String name) {
        for (JsonNode entry : read()) {
            if (entry.path("name").asText().equals(name)) {
                ProxySettings proxy = proxy(name, entry.path("proxy"));
                return vault.apikey(name).map(key -> new ProfileTarget(name, entry.path("url").asText(), key, proxy));
            }
        }
        return Optional.empty();
    }

    private ProxySettings proxy(String name, JsonNode entry) {
        if (entry.isMissingNode()) {
            return ProxySettings.NONE;
        }
        String user = entry.path("user").asText();
        return new ProxySettings(ProxySettings.Kind.valueOf(entry.path("kind").asText()), entry.path("host").asText(),
                entry.path("port").asInt(), user, user.isBlank() ? "" : vault.apikey(proxyPasswordKey(name)).orElse(""));
    }

    private ArrayNode read() {
        try {
            return Files.exists(file) ? (ArrayNode) JSON.readTree(file.toFile()) : JSON.createArrayNode();
        } catch (IOException | ClassCastException e) {
            return JSON.createArrayNode();
        }
    }

    private void write(ArrayNode entries) {
        try {
            ApikeyVault.writePrivate(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
