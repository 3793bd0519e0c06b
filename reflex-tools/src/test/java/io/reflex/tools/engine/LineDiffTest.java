package io.reflex.tools.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineDiffTest {
  @Test
  void marksRemovedAndAddedLinesAndKeepsCommonOnes() {
    assertThat(LineDiff.diff("a\nb\nc", "a\nx\nc")).containsExactly("  a", "- b", "+ x", "  c");
  }

  @Test
  void identicalTextsHaveNoChanges() {
    assertThat(LineDiff.diff("a\nb", "a\nb")).allMatch(line -> line.startsWith("  "));
  }
}
