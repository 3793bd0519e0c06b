package io.reflex.client.config;

/** A referenced config object does not exist; the reference says any missing config aborts the launch. */
public class ConfigNotFoundException extends ConfigException {

    private final String ref;

    public ConfigNotFoundException(String ref) {
        super("Cannot find config: " + ref);
        this.ref = ref;
    }

    /** The reference as it was requested ({@code name} or {@code name.id}). */
    public String ref() {
        return ref;
    }
}
