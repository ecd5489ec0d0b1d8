package org.p2penergy.analytics.energy;

import java.util.Locale;

/** Durations in anomaly details: "45 s", "7.5 min", "2.6 h". */
public final class HumanTime {
  private HumanTime() {}

  public static String of(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 3600) {
      return trim(String.format(Locale.ROOT, "%.1f", seconds / 60)) + " min";
    }
    return trim(String.format(Locale.ROOT, "%.1f", seconds / 3600)) + " h";
  }

  private static String trim(String number) {
    return number.endsWith(".0") ? number.substring(0, number.length() - 2) : number;
  }
}
