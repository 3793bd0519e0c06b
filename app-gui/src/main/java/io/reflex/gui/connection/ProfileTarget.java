package io.reflex.gui.connection;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import java.util.Optional;

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
    public Optional<String> apikey() {
        return Optional.of(apikey);
    }

    @Override
    public Opened open() {
        ReflexClient client = Clients.create(url, apikey);
        client.find(ObjectType.APIKEY, client.apikeyName());
        return new Opened(client, false);
    }
}
