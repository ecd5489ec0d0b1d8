package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenRateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  @Test
  void freeUntilTheLimitThenWaitsForTheOldestToLeaveTheWindow() {
    OpenRateLimiter limiter = new OpenRateLimiter(3, Duration.ofMinutes(5));
    for (int i = 0; i < 3; i++) {
      Instant at = T0.plusSeconds(10 * i);
      assertThat(limiter.delayBeforeOpen(at)).isZero();
      limiter.recordOpen(at);
    }
    // Opens at 0 s, 10 s, 20 s: at 30 s the 4th must wait until 0 s + 5 min = 300 s.
    assertThat(limiter.delayBeforeOpen(T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(270));
    assertThat(limiter.delayBeforeOpen(T0.plusSeconds(300))).isZero();
    assertThat(limiter.opensInWindow(T0.plusSeconds(300))).isEqualTo(2);
  }

  @Test
  void aRetryLoopFollowingTheLimiterNeverExceedsTheLimitInAnyWindow() {
    // Simulate a collector that reconnects as fast as the limiter allows for an hour.
    OpenRateLimiter limiter = OpenRateLimiter.particleDefault();
    java.util.List<Instant> opens = new java.util.ArrayList<>();
    Instant now = T0;
    while (now.isBefore(T0.plus(Duration.ofHours(1)))) {
      now = now.plus(limiter.delayBeforeOpen(now));
      limiter.recordOpen(now);
      opens.add(now);
      now = now.plusMillis(100); // each attempt fails right away
    }
    for (Instant start : opens) {
      long inWindow =
          opens.stream()
              .filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(300)))
              .count();
      assertThat(inWindow).isLessThanOrEqualTo(100);
    }
    // And it is not starved: an hour allows 12 windows of 80.
    assertThat(opens.size()).isGreaterThanOrEqualTo(12 * 80);
  }
}
