package org.p2penergy.analytics.energy;

import java.util.Arrays;

/** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
public final class Percentile {
  private Percentile() {}

  public static double of(double[] values, int count, double percent) {
    if (count == 0) {
      return 0;
    }
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
  }
}
