package org.p2penergy.analytics.energy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.p2penergy.home.config.AnomalySettings;
import org.p2penergy.home.config.Appliance;

/**
 * One device's readings for one local day, fed in time order (duplicates already removed), possibly
 * with a few readings from either side of the day so that intervals crossing midnight are split
 * right. Each interval between two readings is charged to the earlier reading's state, split at
 * minute edges; an interval longer than the appliance's max gap is not charged at all.
 */
public final class DeviceDay {
  private final Appliance appliance;
  private final DayGrid grid;
  private final IntegrationRule rule;
  private final StateModel model;
  private final AnomalySettings settings;
  private final long maxGapUs;

  private final double[] minuteWs;
  private final long[] minuteUs;
  private final long[] stateUs;
  private final double[] stateWs;
  private final EpisodeTracker episodes;
  private final List<Finding> gapFindings = new ArrayList<>();

  private double[] values = new double[1024];
  private int readings;
  private long duplicates;
  private long outOfRange;
  private long firstOutOfRangeUs;
  private long lastOutOfRangeUs;
  private double peak;
  private long coveredUntil;
  private int gaps;

  private boolean hasPrevious;
  private long previousTs;
  private double previousW;
  private int previousState;

  public DeviceDay(
      Appliance appliance, DayGrid grid, IntegrationRule rule, AnomalySettings settings) {
    this.appliance = appliance;
    this.grid = grid;
    this.rule = rule;
    this.model = StateModel.of(appliance);
    this.settings = settings;
    this.maxGapUs = appliance.maxGap().toNanos() / 1000;
    this.minuteWs = new double[grid.minutes()];
    this.minuteUs = new long[grid.minutes()];
    this.stateUs = new long[model.size()];
    this.stateWs = new double[model.size()];
    this.episodes = new EpisodeTracker(model, settings, grid.startUs(), grid.endUs());
    this.coveredUntil = grid.startUs();
  }

  /** A reading of {@code rawWatts} at {@code tsUs}; must not be earlier than the last one. */
  public void add(long tsUs, double rawWatts) {
    double w = Math.max(0, rawWatts - appliance.noiseFloorW());
    int state = model.classify(w);
    if (grid.contains(tsUs)) {
      if (readings == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[readings++] = w;
      peak = Math.max(peak, w);
    }
    boolean charged = hasPrevious && tsUs - previousTs <= maxGapUs;
    if (charged) {
      charge(previousTs, tsUs, previousW, w, previousState);
    }
    episodes.step(tsUs, state, charged, previousTs);
    hasPrevious = true;
    previousTs = tsUs;
    previousW = w;
    previousState = state;
  }

  /**
   * A reading outside the physical range (a broken sensor, a unit mix-up): counted and reported,
   * never charged; the readings around it are integrated as if it were not there.
   */
  public void outOfRange(long tsUs) {
    if (grid.contains(tsUs)) {
      if (outOfRange == 0) firstOutOfRangeUs = tsUs;
      outOfRange++;
      lastOutOfRangeUs = tsUs;
    }
  }

  /** A reading that repeated an earlier (device, event, ts): counted, not charged. */
  public void duplicate(long tsUs) {
    if (grid.contains(tsUs)) {
      duplicates++;
    }
  }

  private void charge(long a, long b, double wa, double wb, int state) {
    long from = Math.max(a, grid.startUs());
    long to = Math.min(b, grid.endUs());
    if (to <= from) {
      return;
    }
    uncoveredUntil(from);
    double total = 0;
    long t = from;
    while (t < to) {
      int m = (int) ((t - grid.startUs()) / DayGrid.MINUTE_US);
      long end = Math.min(to, grid.startUs() + (m + 1) * DayGrid.MINUTE_US);
      double ws = power(a, b, wa, wb, t, end) * (end - t) / 1e6;
      minuteWs[m] += ws;
      minuteUs[m] += end - t;
      total += ws;
      t = end;
    }
    stateUs[state] += to - from;
    stateWs[state] += total;
    coveredUntil = to;
  }

  /** Mean power over [t0, t1) inside the interval [a, b) from wa to wb. */
  private double power(long a, long b, double wa, double wb, long t0, long t1) {
    if (rule == IntegrationRule.LEFT || b == a) {
      return wa;
    }
    double mid = ((t0 + t1) / 2.0 - a) / (b - a);
    return wa + (wb - wa) * mid;
  }

  /** Records the stretch from the last covered instant to {@code t} as a gap, if there is one. */
  private void uncoveredUntil(long t) {
    if (t <= coveredUntil) {
      return;
    }
    gaps++;
    long alert = settings.gapAlert().toNanos() / 1000;
    if (t - coveredUntil > alert) {
      gapFindings.add(
          new Finding(
              Finding.DATA_GAP,
              coveredUntil,
              t,
              "no data for "
                  + HumanTime.of((t - coveredUntil) / 1e6)
                  + " (threshold "
                  + HumanTime.of(alert / 1e6)
                  + ")"));
    }
    coveredUntil = t;
  }

  public DeviceDayResult finish(double standbyPercentile) {
    if (hasPrevious) {
      episodes.finish(previousTs);
    }
    uncoveredUntil(grid.endUs());
    if (outOfRange > 0) {
      gapFindings.add(
          new Finding(
              Finding.OUT_OF_RANGE,
              firstOutOfRangeUs,
              lastOutOfRangeUs + 1,
              outOfRange
                  + (outOfRange == 1 ? " reading" : " readings")
                  + " outside the physical range (|value| <= 1,000,000) left out, not billed"));
    }
    return new DeviceDayResultBuilder(grid, model)
        .build(this, appliance, standbyPercentile, episodes, gapFindings);
  }

  // Read by DeviceDayResultBuilder, which turns the totals into the result.
  double[] minuteWs() {
    return minuteWs;
  }

  long[] minuteUs() {
    return minuteUs;
  }

  long[] stateUs() {
    return stateUs;
  }

  double[] stateWs() {
    return stateWs;
  }

  double[] values() {
    return values;
  }

  int readings() {
    return readings;
  }

  long duplicates() {
    return duplicates;
  }

  long outOfRangeCount() {
    return outOfRange;
  }

  double peak() {
    return peak;
  }

  int gaps() {
    return gaps;
  }
}
