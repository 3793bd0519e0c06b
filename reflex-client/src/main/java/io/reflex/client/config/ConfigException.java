package io.reflex.client.config;

/** Flattening or committing a config failed; the launch must abort with this message. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
