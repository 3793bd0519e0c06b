package io.reflex.gui.connection;

import io.reflex.client.EngineUnreachableException;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexException;

import java.util.Optional;

/** An engine somewhere else, reached with a URL and an apikey, directly or through a proxy. */
public final class ProfileTarget implements ConnectionTarget {
    private static final int PROXY_AUTHENTICATION_REQUIRED = 407;
    private final String name;
    private final String url;
    private final String apikey;
    private final ProxySettings proxy;

    public ProfileTarget(String name, String url, String apikey) {
        this(name, url, apikey, ProxySettings.NONE);
    }

    public ProfileTarget(String name, String url, String apikey, ProxySettings proxy) {
        this.name = name;
        this.url = url;
        this.apikey = apikey;
        this.proxy = proxy;
    }

    @Override
    public String label() {
        return name + " (" + url + ")";
    }

    @Override
    public String shortLabel() {
        return name;
    }

    public ProxySettings proxy() {
        return proxy;
    }

    @Override
    public Optional<String> apikey() {
        return Optional.of(apikey);
    }

    @Override
    public Opened open() {
        ReflexClient client = Clients.create(url, apikey, proxy);
        try {
            client.find(ObjectType.APIKEY, client.apikeyName());
        } catch (ReflexException e) {
            throw proxy.isDirect() ? e : blameTheProxy(e);
        }
        return new Opened(client, false);
    }

    /**
     * With a proxy in between, "the engine does not answer" usually means the proxy does not, or refused us; saying
     * so points the user at the proxy fields instead of the engine URL.
     */
    private RuntimeException blameTheProxy(ReflexException failure) {
        if (failure.status().orElse(0) == PROXY_AUTHENTICATION_REQUIRED) {
            return new ProxyException("The " + proxy.describe() + " refused the connection: it wants "
                    + (proxy.hasCredentials() ? "other credentials." : "a user and password."), failure);
        }
        if (failure instanceof EngineUnreachableException) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            return new ProxyException("No answer through the " + proxy.describe() + " (" + cause.getMessage()
                    + "); check the proxy settings of this connection.", failure);
        }
        return failure;
    }

    /** A connection that failed at the proxy, told in one sentence about the proxy. */
    public static final class ProxyException extends RuntimeException {
        ProxyException(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }
}
