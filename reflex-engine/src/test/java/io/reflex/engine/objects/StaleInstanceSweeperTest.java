package io.reflex.engine.objects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.store.Database;
import io.reflex.engine.store.ObjectStore;
import io.reflex.engine.store.StoredObject;
import io.reflex.engine.store.WriteTransaction.Change;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep finds its candidates through the stored deadlines (the API contract tests cover what it marks on every
 * database); here: it reads only instances past their deadline, and instances stored before the deadline column
 * existed are still swept after the upgrade.
 */
class StaleInstanceSweeperTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTANCE = ObjectKind.INSTANCE.table();

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("engine.db");
    }

    private static ObjectNode instance(String status, Instant heartbeat, int ttl) {
        ObjectNode instance = JSON.createObjectNode().put("service", "svc").put("status", status);
        instance.putObject("lifecycle").put("heartbeat", heartbeat.toString()).put("ttl", ttl);
        return instance;
    }

    private static String status(ObjectStore store, String name) {
        return store.byName(INSTANCE, name).orElseThrow().data().path("status").asText();
    }

    @Test
    void onlyInstancesPastTheirDeadlineAreRead() throws Exception {
        try (Database database = Database.open(url(), Optional.empty(), Optional.empty())) {
            ObjectStore store = new ObjectStore(database, JSON, StaleInstanceSweeper::dueTime);
            Change change = new Change("create", "test", NOW.getEpochSecond(), false);
            store.write(tx -> {
                tx.insert(INSTANCE, "late", instance("ok", NOW.minusSeconds(60), 30), change);
                tx.insert(INSTANCE, "fresh", instance("ok", NOW.minusSeconds(10), 30), change);
                tx.insert(INSTANCE, "failed", instance("failed", NOW.minusSeconds(60), 30), change);
                tx.insert(INSTANCE, "no-ttl", instance("ok", NOW.minusSeconds(60), 0), change);
                return null;
            });

            assertThat(store.due(INSTANCE, NOW.toEpochMilli())).extracting(StoredObject::name).containsExactly("late");

            new StaleInstanceSweeper(store, Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

            assertThat(status(store, "late")).isEqualTo("stale");
            assertThat(status(store, "fresh")).isEqualTo("ok");
            assertThat(store.due(INSTANCE, NOW.plusSeconds(3600).toEpochMilli())).extracting(StoredObject::name)
                    .as("a stale instance is never due again; the fresh one is, after its deadline")
                    .containsExactly("fresh");
        }
    }

    @Test
    void instancesStoredBeforeTheDeadlineColumnAreSweptAfterTheUpgrade() throws Exception {
        Flyway.configure().dataSource(url(), null, null).locations("classpath:db/migration/sqlite")
                .table("reflex_schema_history").target("1")
                .load().migrate();
        Jdbi.create(url()).useHandle(h -> {
            String insert = "INSERT INTO reflex_object (type, id, name, data, updated_at, updated_by, version)"
                    + " VALUES (?, ?, ?, ?, 0, 'test', 1)";
            h.execute(insert, INSTANCE, 1, "late", instance("ok", NOW.minusSeconds(60), 30).toString());
            h.execute(insert, INSTANCE, 2, "fresh", instance("ok", NOW.minusSeconds(10), 30).toString());
        });

        try (Database database = Database.open(url(), Optional.empty(), Optional.empty())) {
            ObjectStore store = new ObjectStore(database, JSON, StaleInstanceSweeper::dueTime);
            new StaleInstanceSweeper(store, Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

            assertThat(status(store, "late")).isEqualTo("stale");
            assertThat(status(store, "fresh")).isEqualTo("ok");
            assertThat(store.due(INSTANCE, NOW.toEpochMilli())).as("the fresh one's placeholder was replaced").isEmpty();
            assertThat(store.due(INSTANCE, NOW.plusSeconds(30).toEpochMilli())).extracting(StoredObject::name)
                    .containsExactly("fresh");
        }
    }
}
