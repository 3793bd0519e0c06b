package io.reflex.gui.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts by longest common subsequence, laid out as two aligned columns: a line only one side
 * has faces a blank on the other, so the columns scroll together.
 */
public final class LineDiff {
    private LineDiff() {}

    /** One row of the two columns; a null side is the blank opposite an added or removed line. */
    public record Row(String left, String right) {
        public boolean changed() {
            return left == null || right == null || !left.equals(right);
        }
    }

    /**
     * Rows of the two columns. A run of removed lines followed by a run of added lines is paired up row by row,
     * so a changed line reads as old and new side by side.
     */
    public static List<Row> rows(String leftText, String rightText) {
        List<Row> single = singleSided(leftText, rightText);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while (i < single.size()) {
            if (single.get(i).right() != null) {
                rows.add(single.get(i++));
                continue;
            }
            List<String> removed = new ArrayList<>();
            while (i < single.size() && single.get(i).right() == null) {
                removed.add(single.get(i++).left());
            }
            List<String> added = new ArrayList<>();
            while (i < single.size() && single.get(i).left() == null) {
                added.add(single.get(i++).right());
            }
            for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
                rows.add(new Row(k < removed.size() ? removed.get(k) : null, k < added.size() ? added.get(k) : null));
            }
        }
        return rows;
    }

    private static List<Row> singleSided(String leftText, String rightText) {
        String[] a = leftText.split("\\R", -1);
        String[] b = rightText.split("\\R", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                rows.add(new Row(a[i++], b[j++]));
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                rows.add(new Row(a[i++], null));
            } else {
                rows.add(new Row(null, b[j++]));
            }
        }
        return rows;
    }
}
