package io.reflex.gui.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.gui.history.LineDiff.Row;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void aChangedLineFacesItsNewVersionAndInsertionsFaceBlanks() {
        assertThat(LineDiff.rows("a\nb\nc", "a\nB\nc\nd")).containsExactly(
                new Row("a", "a"), new Row("b", "B"), new Row("c", "c"), new Row(null, "d"));
    }

    @Test
    void removedLinesFaceBlanksAndEqualTextsHaveNoChanges() {
        assertThat(LineDiff.rows("a\nx\ny\nb", "a\nb")).containsExactly(
                new Row("a", "a"), new Row("x", null), new Row("y", null), new Row("b", "b"));
        assertThat(LineDiff.rows("same\ntext", "same\ntext")).noneMatch(Row::changed);
    }
}
