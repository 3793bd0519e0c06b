package io.reflex.tools.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reflex.tools.cli.CliException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeTextTest {
  private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void readsEpochSecondsWithFractions() {
    assertThat(TimeText.parse("1533264743.5", CLOCK)).isEqualTo(Instant.ofEpochSecond(1533264743, 500_000_000));
  }

  @Test
  void readsNowAndAgoForms() {
    assertThat(TimeText.parse("now", CLOCK)).isEqualTo(NOW);
    assertThat(TimeText.parse("1 day ago", CLOCK)).isEqualTo(NOW.minus(Duration.ofDays(1)));
    assertThat(TimeText.parse("3 hours ago", CLOCK)).isEqualTo(NOW.minus(Duration.ofHours(3)));
    assertThat(TimeText.parse("2 weeks ago", CLOCK)).isEqualTo(NOW.minus(Duration.ofDays(14)));
  }

  @Test
  void readsIsoDatesAsUtcMidnight() {
    assertThat(TimeText.parse("2026-01-01", CLOCK)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(TimeText.parse("2026-01-01T05:06:07Z", CLOCK)).isEqualTo(Instant.parse("2026-01-01T05:06:07Z"));
  }

  @Test
  void rangeDefaultsItsEndToNow() {
    assertThat(TimeText.range("1 day ago", CLOCK)).containsExactly(NOW.minus(Duration.ofDays(1)), NOW);
    assertThat(TimeText.range("100~200", CLOCK)).containsExactly(Instant.ofEpochSecond(100), Instant.ofEpochSecond(200));
  }

  @Test
  void refusesUnreadableTimesAndBackwardRanges() {
    assertThatThrownBy(() -> TimeText.parse("last tuesday", CLOCK)).isInstanceOf(CliException.class).hasMessageContaining("last tuesday");
    assertThatThrownBy(() -> TimeText.range("200~100", CLOCK)).isInstanceOf(CliException.class).hasMessageContaining("ends before it starts");
  }
}
