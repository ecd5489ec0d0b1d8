package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DuplicateFilterTest {
  private static final Instant T = Instant.parse("2026-11-27T18:07:12.555Z");

  @Test
  void sameKeyTwiceIsADuplicate() {
    DuplicateFilter f = new DuplicateFilter(10);
    assertThat(f.firstSeen("a", "power", T)).isTrue();
    assertThat(f.firstSeen("a", "power", T)).isFalse();
  }

  @Test
  void anyDifferingPartIsANewKey() {
    DuplicateFilter f = new DuplicateFilter(10);
    assertThat(f.firstSeen("a", "power", T)).isTrue();
    assertThat(f.firstSeen("b", "power", T)).isTrue();
    assertThat(f.firstSeen("a", "rms_current", T)).isTrue();
    assertThat(f.firstSeen("a", "power", T.plusNanos(1000))).isTrue();
  }

  @Test
  void boundedOldestForgottenFirst() {
    DuplicateFilter f = new DuplicateFilter(3);
    for (int i = 0; i < 4; i++) {
      assertThat(f.firstSeen("a", "power", T.plusSeconds(i))).isTrue();
    }
    assertThat(f.size()).isEqualTo(3);
    // Key 0 was pushed out by key 3; keys 1..3 are still remembered.
    assertThat(f.firstSeen("a", "power", T.plusSeconds(3))).isFalse();
    assertThat(f.firstSeen("a", "power", T.plusSeconds(0))).isTrue();
  }
}
