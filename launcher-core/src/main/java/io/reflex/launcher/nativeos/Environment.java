package io.reflex.launcher.nativeos;

import java.util.List;
import java.util.Map;

/** The {@code NAME=value} strings of an {@code envp} array. */
final class Environment {

    private Environment() {
    }

    static List<String> entries(Map<String, String> environment) {
        return environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
