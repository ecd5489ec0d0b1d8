package org.p2penergy.analytics.energy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an appliance-day is compared on, per kind: daily kWh and standby power for every kind that
 * is compared, and for fridges the compressor's duty cycle (the part of the covered time it ran)
 * and its runs per day. {@code generic} appliances are not compared: a "generic" in one home has
 * nothing in common with one in another.
 */
public final class PeerMetrics {
  public static final String KWH = "kwh";
  public static final String STANDBY_W = "standby_w";
  public static final String DUTY_CYCLE = "duty_cycle";
  public static final String CYCLES = "cycles";

  private PeerMetrics() {}

  public static boolean compared(String kind) {
    return kind != null && !kind.equals("generic");
  }

  /**
   * The metrics of one appliance-day; empty for a kind that is not compared.
   *
   * @param coveredSeconds the seconds of the day that readings cover
   */
  public static Map<String, Double> of(
      String kind,
      double kwh,
      double standbyW,
      double onSeconds,
      int cycles,
      double coveredSeconds) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (!compared(kind)) {
      return m;
    }
    m.put(KWH, kwh);
    m.put(STANDBY_W, standbyW);
    if (kind.equals("fridge") && coveredSeconds > 0) {
      m.put(DUTY_CYCLE, onSeconds / coveredSeconds);
      m.put(CYCLES, (double) cycles);
    }
    return m;
  }
}
