package io.reflex.gui.instances;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of rows per lifecycle state and of stale rows, kept up to date as rows come and go. Counting all rows
 * after every batch took a third of the FX thread's time with 50,000 instances and 1,000 heartbeats a second; here a
 * batch costs its own size, and the passing of time costs the rows that turned stale since the last look.
 *
 * <p>A running row turns stale when its {@link InstanceRow#staleAfter() deadline} passes, so the rows not yet stale
 * wait in a map ordered by deadline, and each {@link #staleAt look} moves the ones whose deadline is before it.
 */
final class StateTally {
    private final Map<String, int[]> byState = new HashMap<>();
    /** Running rows whose deadline is still ahead of {@link #lookedAt}, counted by deadline. */
    private final TreeMap<Instant, int[]> deadlines = new TreeMap<>();
    /** Rows stale however late it is: the engine marked them, or their deadline was before {@link #lookedAt}. */
    private int stale;
    private Instant lookedAt = Instant.MIN;

    void add(InstanceRow row) {
        byState.computeIfAbsent(state(row), state -> new int[1])[0]++;
        count(row, 1);
    }

    void remove(InstanceRow row) {
        int[] count = byState.get(state(row));
        if (--count[0] == 0) {
            byState.remove(state(row));
        }
        count(row, -1);
    }

    private void count(InstanceRow row, int change) {
        if (row.status().equals("stale")) {
            stale += change;
        } else if (row.running() && row.staleAfter().isPresent()) {
            Instant deadline = row.staleAfter().get();
            if (deadline.isBefore(lookedAt)) {
                stale += change;
            } else {
                int[] waiting = deadlines.computeIfAbsent(deadline, at -> new int[1]);
                waiting[0] += change;
                if (waiting[0] == 0) {
                    deadlines.remove(deadline);
                }
            }
        }
    }

    /**
     * How many rows are stale at {@code now}; {@code now} must not be before an earlier look, since the rows whose
     * deadline has passed are no longer told apart (see {@link #movedBack}).
     */
    int staleAt(Instant now) {
        while (!deadlines.isEmpty() && deadlines.firstKey().isBefore(now)) {
            stale += deadlines.pollFirstEntry().getValue()[0];
        }
        lookedAt = now;
        return stale;
    }

    /** Whether the clock went back since the last look, so the tally has to be counted again from the rows. */
    boolean movedBack(Instant now) {
        return now.isBefore(lookedAt);
    }

    /** The count per state, in the order of the state names; rows without a state count as {@code unknown}. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        byState.forEach((state, count) -> counts.put(state, count[0]));
        return counts;
    }

    private static String state(InstanceRow row) {
        return row.state().isEmpty() ? "unknown" : row.state();
    }
}
