package io.reflex.gui.connection;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Optional;

/**
 * How a connection reaches its engine when a corporate proxy stands in between. The password is kept in the
 * {@link ApikeyVault} like the apikey, never in the profiles file.
 */
public record ProxySettings(Kind kind, String host, int port, String user, String password) {
    public static final ProxySettings NONE = new ProxySettings(Kind.NONE, "", 0, "", "");

    /** No proxy, or which protocol the proxy speaks. */
    public enum Kind {
        NONE("No proxy", Proxy.Type.DIRECT),
        HTTP("HTTP proxy", Proxy.Type.HTTP),
        SOCKS("SOCKS proxy", Proxy.Type.SOCKS);

        private final String label;
        private final Proxy.Type type;

        Kind(String label, Proxy.Type type) {
            this.label = label;
            this.type = type;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * Reads the dialog's fields; the problem, if any, is one sentence the dialog shows under the fields.
     *
     * @throws IllegalArgumentException with that sentence when a field is wrong
     */
    public static ProxySettings of(Kind kind, String host, String port, String user, String password) {
        problem(kind, host, port, user, password).ifPresent(sentence -> {
            throw new IllegalArgumentException(sentence);
        });
        return kind == Kind.NONE ? NONE
                : new ProxySettings(kind, host.strip(), Integer.parseInt(port.strip()), user.strip(), password);
    }

    /** What is wrong with these fields, or empty when they make a usable proxy (or no proxy). */
    public static Optional<String> problem(Kind kind, String host, String port, String user, String password) {
        if (kind == Kind.NONE) {
            return Optional.empty();
        }
        String name = host.strip();
        if (name.isEmpty()) {
            return Optional.of("The proxy needs a host name or address.");
        }
        if (name.contains("://") || name.contains("/") || name.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("Give the proxy host alone, without scheme or path, for example proxy.example.com.");
        }
        if (!port.strip().matches("\\d{1,5}") || Integer.parseInt(port.strip()) < 1
                || Integer.parseInt(port.strip()) > 65535) {
            return Optional.of("The proxy port must be a number from 1 to 65535.");
        }
        if (user.isBlank() != password.isEmpty()) {
            return Optional.of("Give both the proxy user and password, or neither.");
        }
        return Optional.empty();
    }

    public boolean isDirect() {
        return kind == Kind.NONE;
    }

    public boolean hasCredentials() {
        return !isDirect() && !user.isBlank();
    }

    /** The proxy for OkHttp; the address stays unresolved so no name lookup happens before the first call. */
    public Proxy proxy() {
        return isDirect() ? Proxy.NO_PROXY : new Proxy(kind.type, InetSocketAddress.createUnresolved(host, port));
    }

    /** "HTTP proxy proxy.example.com:3128", for sentences about it. */
    public String describe() {
        return kind + " " + host + ":" + port;
    }

    /** Keeps the password out of logs and debugger views. */
    @Override
    public String toString() {
        return isDirect() ? kind.toString() : describe() + (hasCredentials() ? " as " + user : "");
    }
}
