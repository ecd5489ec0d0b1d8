package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Time compression seen by a client. Only causal bounds are asserted (they hold on any machine):
 * nothing arrives before the simulated clock reaches it, and the clock never runs ahead of speed ×
 * real time. The exact arithmetic is in SimClockTest.
 */
class SpeedIT {
  @Test
  @Timeout(60) // at speed 1 this would take 20 minutes
  void twentySimulatedMinutesAtSpeed3600TakeAboutAThirdOfASecond() throws Exception {
    double speed = 3_600;
    Instant start = Instant.parse("2026-11-27T12:00:00Z");
    long before = System.nanoTime();
    try (ParticleCloudSimulator cloud =
            ParticleCloudSimulator.builder().speed(speed).start(start).build().start();
        SseClient client = SseClient.open(cloud.baseUri().resolve("/v1/devices/events"), "t")) {
      Instant last = start;
      while (last.isBefore(start.plusSeconds(20 * 60))) {
        last = Instant.parse(client.nextEvent().publishedAt());
        long realNanos = System.nanoTime() - before;
        double simulatedMs = last.toEpochMilli() - start.toEpochMilli();
        // not ahead of the clock: received only after speed × real time reached it
        assertThat(simulatedMs).isLessThanOrEqualTo(speed * realNanos / 1e6 + 1);
      }
      long realNanos = System.nanoTime() - before;
      // and 20 simulated minutes cannot have taken less than 1200 s / 3600
      assertThat(realNanos).isGreaterThanOrEqualTo(1_200_000_000_000L / 3_600);
      assertThat(cloud.simulatedNow()).isAfterOrEqualTo(last);
    }
  }
}
