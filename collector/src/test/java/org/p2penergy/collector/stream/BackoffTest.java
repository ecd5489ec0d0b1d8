package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesWithJitterInTheUpperHalfAndCapsAtMax() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7));
    long[] ceilings = {1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
    for (long ceiling : ceilings) {
      long ms = b.next().toMillis();
      assertThat(ms).isBetween(ceiling / 2, ceiling);
    }
  }

  @Test
  void resetStartsOverAndJitterVaries() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(1));
    for (int i = 0; i < 5; i++) {
      b.next();
    }
    b.reset();
    assertThat(b.next().toMillis()).isBetween(500L, 1000L);
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      b.reset();
      b.next();
      seen.add(b.next().toMillis());
    }
    assertThat(seen).hasSizeGreaterThan(5);
  }
}
