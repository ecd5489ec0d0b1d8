package org.p2penergy.analytics.energy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A day far above the appliance's own recent days: more than {@code factor} times the median of the
 * previous days (at least {@link #MIN_DAYS} of them, so that a new sensor does not alarm).
 */
public final class HighConsumption {
  public static final int MIN_DAYS = 3;
  public static final int LOOKBACK_DAYS = 14;

  private HighConsumption() {}

  /** The anomaly detail, or empty when the day is not unusual. */
  public static Optional<String> check(double kwh, List<Double> previousDays, double factor) {
    if (previousDays.size() < MIN_DAYS) {
      return Optional.empty();
    }
    double[] sorted = previousDays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    if (median <= 0 || kwh <= factor * median) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%.2f kWh is %.1f× the median of the previous %d days (%.2f kWh)",
            kwh,
            kwh / median,
            n,
            median));
  }
}
