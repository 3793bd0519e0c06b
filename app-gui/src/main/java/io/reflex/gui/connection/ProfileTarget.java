package io.reflex.gui.connection;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;

/** An engine somewhere else, reached with a URL and an apikey. */
public final class ProfileTarget implements ConnectionTarget {
    private final String name;
    private final String url;
    private final String apikey;

    public ProfileTarget(String name, String url, String apikey) {
        this.name = name;
        this.url = url;
        this.apikey = apikey;
    }

    @Override
    public String label() {
        return name + " (" + url + ")";
    }

    @Override
    public java.util.Optional<String> apikey() {
        return java.util.Optional.of(apikey);
    }

    @Override
    public Opened open() {
        ReflexClient client = Clients.create(url, apikey);
        client.find(ObjectType.APIKEY, client.apikeyName());
        return new Opened(client, false);
    }
}
