package io.reflex.gui.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class StateTallyTest {
    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");
    private static final List<String> STATES = List.of("", "starting", "ready", "draining", "stopped", "failed");
    private static final List<String> STATUSES = List.of("ok", "ok", "ok", "stale");

    private static InstanceRow row(long id, String status, String state, Optional<Instant> staleAfter) {
        return new InstanceRow(id, "web-" + id, "shop", "", status, state, "", "", Optional.empty(), Optional.empty(),
                staleAfter, InstanceRow.Redeploy.NONE);
    }

    @Test
    void aRunningRowTurnsStaleOnceItsDeadlinePassesAndStoppedOnesNever() {
        StateTally tally = new StateTally();
        tally.add(row(1, "ok", "ready", Optional.of(START.plusSeconds(10))));
        tally.add(row(2, "ok", "stopped", Optional.of(START.plusSeconds(5))));
        tally.add(row(3, "stale", "ready", Optional.empty()));

        assertThat(tally.staleAt(START)).isEqualTo(1);
        assertThat(tally.staleAt(START.plusSeconds(10))).as("the deadline itself is not past").isEqualTo(1);
        assertThat(tally.staleAt(START.plusSeconds(11))).isEqualTo(2);
        assertThat(tally.counts()).containsExactly(Map.entry("ready", 2), Map.entry("stopped", 1));
    }

    @Test
    void replacingARowThatHadTurnedStaleCountsItsNewHeartbeat() {
        StateTally tally = new StateTally();
        InstanceRow old = row(1, "ok", "ready", Optional.of(START));
        tally.add(old);
        assertThat(tally.staleAt(START.plusSeconds(1))).isEqualTo(1);

        tally.remove(old);
        tally.add(row(1, "ok", "ready", Optional.of(START.plusSeconds(90))));

        assertThat(tally.staleAt(START.plusSeconds(2))).isZero();
        assertThat(tally.movedBack(START)).isTrue();
        assertThat(tally.movedBack(START.plusSeconds(2))).isFalse();
    }

    /** Random adds, removals and replacements against counting every row, as the view did before. */
    @RepeatedTest(20)
    void agreesWithCountingEveryRow() {
        Random random = new Random();
        StateTally tally = new StateTally();
        List<InstanceRow> rows = new ArrayList<>();
        Instant now = START;
        for (int step = 0; step < 2_000; step++) {
            int action = random.nextInt(10);
            if (action < 4 || rows.isEmpty()) {
                InstanceRow added = randomRow(random, step, now);
                rows.add(added);
                tally.add(added);
            } else if (action < 6) {
                tally.remove(rows.remove(random.nextInt(rows.size())));
            } else if (action < 9) {
                int index = random.nextInt(rows.size());
                InstanceRow replacement = randomRow(random, rows.get(index).id(), now);
                tally.remove(rows.set(index, replacement));
                tally.add(replacement);
            } else {
                now = now.plusMillis(random.nextInt(3_000));
                Instant at = now;
                assertThat(tally.staleAt(at)).isEqualTo((int) rows.stream().filter(r -> r.stale(at)).count());
                assertThat(tally.counts()).isEqualTo(countEach(rows));
            }
        }
    }

    private static InstanceRow randomRow(Random random, long id, Instant now) {
        Optional<Instant> staleAfter = random.nextInt(5) == 0 ? Optional.empty()
                : Optional.of(now.plusMillis(random.nextInt(-2_000, 10_000)));
        return row(id, STATUSES.get(random.nextInt(STATUSES.size())), STATES.get(random.nextInt(STATES.size())),
                staleAfter);
    }

    private static Map<String, Integer> countEach(List<InstanceRow> rows) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(r.state().isEmpty() ? "unknown" : r.state(), 1, Integer::sum));
        return counts;
    }
}
