package org.p2penergy.analytics.energy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentileTest {
  @Test
  void nearestRank() {
    double[] values = {5, 1, 3, 2, 4, 99};
    // five of the six count; nearest rank of p over n = 5 is ceil(p / 100 * 5)
    assertThat(Percentile.of(values, 5, 10)).isEqualTo(1); // rank 1
    assertThat(Percentile.of(values, 5, 50)).isEqualTo(3); // rank 3
    assertThat(Percentile.of(values, 5, 100)).isEqualTo(5); // rank 5, never the 6th value
    assertThat(Percentile.of(values, 5, 0)).isEqualTo(1);
    assertThat(Percentile.of(values, 0, 10)).isZero();
  }
}
