package io.reflex.gui.connection;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User and password for SOCKS proxies. OkHttp hands SOCKS to the JDK's socket, which asks only the process-wide
 * {@link Authenticator}; this one answers per proxy host and port, so two connections behind two proxies keep their
 * own credentials, and it answers nothing else.
 */
final class SocksCredentials extends Authenticator {
    private static final SocksCredentials INSTANCE = new SocksCredentials();
    private final Map<String, PasswordAuthentication> byProxy = new ConcurrentHashMap<>();
    private boolean installed;

    private SocksCredentials() {}

    static synchronized void register(ProxySettings settings) {
        INSTANCE.byProxy.put(key(settings.host(), settings.port()),
                new PasswordAuthentication(settings.user(), settings.password().toCharArray()));
        if (!INSTANCE.installed) {
            Authenticator.setDefault(INSTANCE);
            INSTANCE.installed = true;
        }
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        if (!getRequestingProtocol().startsWith("SOCKS")) {
            return null;
        }
        return byProxy.get(key(getRequestingHost(), getRequestingPort()));
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }
}
