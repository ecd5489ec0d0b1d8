package org.p2penergy.analytics.energy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.p2penergy.home.config.Appliance;

/** Turns a {@link DeviceDay}'s per-minute and per-state totals into its result. */
final class DeviceDayResultBuilder {
  private static final double WS_PER_KWH = 3.6e6;

  private final DayGrid grid;
  private final StateModel model;

  DeviceDayResultBuilder(DayGrid grid, StateModel model) {
    this.grid = grid;
    this.model = model;
  }

  DeviceDayResult build(
      DeviceDay day,
      Appliance appliance,
      double standbyPercentile,
      EpisodeTracker episodes,
      List<Finding> gapFindings) {
    double[] minuteWs = day.minuteWs();
    long[] minuteUs = day.minuteUs();
    double[] hourlyKwh = new double[grid.hours()];
    double[] hourlyCost = new double[grid.hours()];
    double[] curve = new double[grid.minutes()];
    double energyWs = 0;
    double costWs = 0;
    double coveredS = 0;
    double coveredRateS = 0;
    for (int m = 0; m < grid.minutes(); m++) {
      int h = grid.hourOfMinute(m);
      double rate = grid.rateOfMinute(m);
      hourlyKwh[h] += minuteWs[m] / WS_PER_KWH;
      hourlyCost[h] += minuteWs[m] * rate / WS_PER_KWH;
      energyWs += minuteWs[m];
      costWs += minuteWs[m] * rate;
      coveredS += minuteUs[m] / 1e6;
      coveredRateS += minuteUs[m] / 1e6 * rate;
      curve[m] = minuteUs[m] == 0 ? Double.NaN : minuteWs[m] / (minuteUs[m] / 1e6);
    }
    double standbyW = Percentile.of(day.values(), day.readings(), standbyPercentile);
    List<StateTotal> states = new ArrayList<>();
    double onSeconds = 0;
    for (int s = 0; s < model.size(); s++) {
      double seconds = day.stateUs()[s] / 1e6;
      if (model.isActive(s)) {
        onSeconds += seconds;
      }
      states.add(
          new StateTotal(
              model.name(s), seconds, day.stateWs()[s] / WS_PER_KWH, episodes.entries(s)));
    }
    List<Finding> findings = new ArrayList<>(episodes.findings());
    findings.addAll(gapFindings);
    findings.sort(Comparator.comparingLong(Finding::startUs));
    return new DeviceDayResult(
        grid.date(),
        appliance.deviceId(),
        appliance.name(),
        appliance.kind().configName(),
        energyWs / WS_PER_KWH,
        costWs / WS_PER_KWH,
        day.peak(),
        coveredS == 0 ? 0 : energyWs / coveredS,
        standbyW,
        standbyW * coveredS / WS_PER_KWH,
        standbyW * coveredRateS / WS_PER_KWH,
        onSeconds,
        day.readings(),
        coveredS / grid.seconds(),
        day.gaps(),
        episodes.cycles(),
        day.duplicates(),
        day.outOfRangeCount(),
        hourlyKwh,
        hourlyCost,
        states,
        new ArrayList<>(episodes.timeline()),
        findings,
        curve);
  }
}
