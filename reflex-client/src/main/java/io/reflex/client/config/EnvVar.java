package io.reflex.client.config;

import java.util.Objects;

/**
 * One environment variable a launch sets.
 *
 * <p>{@code sensitive} marks values that took text from the config's variables (which come from
 * {@code sensitive.parameters} and the procvar paths): such values are hidden by {@link #toString()}
 * and should only be logged with {@code --debug}.
 *
 * @param name  the name exactly as the config spells it, dashes included
 * @param value the value to set
 * @param sensitive whether the value was built from secret variables
 */
public record EnvVar(String name, String value, boolean sensitive) {

    public EnvVar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + "=" + (sensitive ? "****" : value);
    }
}
