package io.reflex.gui.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ListQuery;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.gui.objects.TypeSchema;
import io.reflex.gui.objects.Writes;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The engine's archive of earlier versions, read and written back the same way by the history view and by a
 * redeploy's rollback. Each call blocks on the engine, so it runs on a task thread.
 */
public final class Archive {
    private Archive() {}

    /** The archived versions of the object named {@code name}, newest first. */
    public static List<HistoryViewModel.Version> versions(ReflexClient client, ObjectType type, String name) {
        ListQuery query = ListQuery.of(type).match(name).cols("name", "updated_at", "updated_by")
                .archive(Instant.EPOCH, Instant.now().plusSeconds(60));
        return client.list(query).stream()
                .filter(row -> row.name().equals(name) && row.updatedAt().isPresent())
                .map(row -> new HistoryViewModel.Version(row.updatedAt().get(), row.updatedBy().orElse("")))
                .distinct()
                .sorted(Comparator.comparing(HistoryViewModel.Version::updatedAt).reversed())
                .toList();
    }

    /**
     * Writes {@code archived} back as a new update of {@code target} (the engine archives the current version
     * first), conditional on the version just read, and returns the object as stored.
     */
    public static ReflexObject restore(ReflexClient client, ObjectType type, String target, ReflexObject archived) {
        ObjectNode body = archived.json();
        TypeSchema.READ_ONLY.forEach(body::remove);
        ReflexObject now = client.get(type, target);
        Writes.update(client, type, target, ReflexObject.of(body), now.version());
        return client.get(type, target);
    }
}
