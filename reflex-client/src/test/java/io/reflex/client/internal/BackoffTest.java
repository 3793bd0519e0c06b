package io.reflex.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @RepeatedTest(20)
  void delaysDoubleWithJitterAndStayUnderTheCap() {
    assertThat(backoff.delay(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(backoff.delay(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(backoff.delay(30)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
  }
}
