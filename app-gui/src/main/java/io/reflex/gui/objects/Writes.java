package io.reflex.gui.objects;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import java.util.Optional;

/** Writes the console makes the same way from every view. */
public final class Writes {
    private Writes() {}

    /**
     * Updates conditionally on {@code version} when the engine reported one, so a concurrent change answers with a
     * conflict; engines without ETags get a plain update, which is all they support.
     */
    public static void update(ReflexClient client, ObjectType type, String target, ReflexObject body,
            Optional<String> version) {
        if (version.isPresent()) {
            client.update(type, target, body, version.get());
        } else {
            client.update(type, target, body);
        }
    }
}
