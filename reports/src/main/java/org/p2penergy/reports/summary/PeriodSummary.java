package org.p2penergy.reports.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.reports.pdf.ReportPeriod;

/**
 * The figures of one report: the day summaries of a period added up. Pure arithmetic over {@link
 * DaySummary}; {@link #of} is the only way in.
 *
 * @param days the summaries found, oldest first (may be empty)
 * @param missing the dates of the period with no summary
 * @param appliances per appliance, largest kWh first
 * @param previousDailyKwh the previous period's mean daily kWh over the days history knows (for a
 *     day report: the day before); empty if none is known. Comparisons use daily means so that a
 *     period with missing days still compares fairly.
 * @param weekAverageKwh the mean daily kWh of the 7 days before the period (empty if none known)
 * @param unreadable days whose summary exists but could not be read: named, left out, not missing
 */
public record PeriodSummary(
    ReportPeriod period,
    LocalDate start,
    LocalDate end,
    DaySummary.Home home,
    List<DaySummary> days,
    List<LocalDate> missing,
    DaySummary.Totals totals,
    List<ApplianceTotal> appliances,
    OptionalDouble previousDailyKwh,
    OptionalDouble weekAverageKwh,
    HistoryIndex history,
    List<SummaryReader.Unreadable> unreadable) {

  public static PeriodSummary of(ReportPeriod period, LocalDate end, List<DaySummary> days) {
    return of(period, end, days, List.of());
  }

  public static PeriodSummary of(
      ReportPeriod period,
      LocalDate end,
      List<DaySummary> days,
      List<SummaryReader.Unreadable> unreadable) {
    List<DaySummary> sorted = days.stream().sorted(Comparator.comparing(DaySummary::date)).toList();
    Set<LocalDate> have = new TreeSet<>(sorted.stream().map(DaySummary::date).toList());
    List<LocalDate> missing = period.dates(end).stream().filter(d -> !have.contains(d)).toList();
    DaySummary.Home home =
        sorted.isEmpty()
            ? new DaySummary.Home("", "", "UTC", "")
            : sorted.get(sorted.size() - 1).home();
    int periodHours = 0;
    double kwh = 0;
    double cost = 0;
    double standbyKwh = 0;
    double standbyCost = 0;
    double coveredHours = 0;
    for (DaySummary day : sorted) {
      periodHours += day.hours();
      kwh += day.totals().kwh();
      cost += day.totals().cost();
      standbyKwh += day.totals().standbyKwh();
      standbyCost += day.totals().standbyCost();
      coveredHours += day.totals().coverage() * day.hours();
    }
    // Missing days count as uncovered 24-hour days.
    periodHours += 24 * missing.size();
    DaySummary.Totals totals =
        new DaySummary.Totals(
            kwh, cost, standbyKwh, standbyCost, periodHours == 0 ? 0 : coveredHours / periodHours);
    List<ApplianceTotal> appliances = appliances(sorted, kwh, periodHours);
    HistoryIndex history = new HistoryIndex(sorted);
    LocalDate start = period.start(end);
    LocalDate previousEnd = period.previousEnd(end);
    OptionalDouble previous = history.meanKwh(period.start(previousEnd), previousEnd);
    OptionalDouble weekAverage = history.meanKwh(start.minusDays(7), start.minusDays(1));
    return new PeriodSummary(
        period,
        start,
        end,
        home,
        sorted,
        missing,
        totals,
        appliances,
        previous,
        weekAverage,
        history,
        List.copyOf(unreadable));
  }

  private static List<ApplianceTotal> appliances(
      List<DaySummary> days, double totalKwh, int periodHours) {
    Map<String, List<DaySummary.Appliance>> byDevice = new LinkedHashMap<>();
    Map<String, Double> coveredHours = new LinkedHashMap<>();
    for (DaySummary day : days) {
      for (DaySummary.Appliance a : day.appliances()) {
        byDevice.computeIfAbsent(a.deviceId(), k -> new ArrayList<>()).add(a);
        coveredHours.merge(a.deviceId(), a.coverage() * day.hours(), Double::sum);
      }
    }
    List<ApplianceTotal> totals = new ArrayList<>();
    byDevice.forEach(
        (device, list) -> {
          DaySummary.Appliance last = list.get(list.size() - 1);
          double kwh = list.stream().mapToDouble(DaySummary.Appliance::kwh).sum();
          totals.add(
              new ApplianceTotal(
                  device,
                  last.name(),
                  last.kind() == null ? "generic" : last.kind(),
                  kwh,
                  list.stream().mapToDouble(DaySummary.Appliance::cost).sum(),
                  totalKwh > 0 ? kwh / totalKwh : 0,
                  list.stream().mapToDouble(DaySummary.Appliance::peakW).max().orElse(0),
                  list.stream().mapToDouble(DaySummary.Appliance::standbyW).average().orElse(0),
                  list.stream().mapToDouble(DaySummary.Appliance::standbyKwh).sum(),
                  list.stream().mapToDouble(DaySummary.Appliance::standbyCost).sum(),
                  list.stream().mapToDouble(DaySummary.Appliance::onSeconds).sum(),
                  list.stream().mapToInt(DaySummary.Appliance::cycles).sum(),
                  periodHours == 0 ? 0 : coveredHours.get(device) / periodHours,
                  list.size()));
        });
    totals.sort(Comparator.comparingDouble(ApplianceTotal::kwh).reversed());
    return List.copyOf(totals);
  }

  /** True when no day of the period has a summary with any appliance. */
  public boolean isEmpty() {
    return appliances.isEmpty();
  }

  /** The last day's summary (the one a day report is about), if any. */
  public DaySummary lastDay() {
    return days.isEmpty() ? null : days.get(days.size() - 1);
  }

  /** The mean kWh of the days that have a summary (0 when none). */
  public double dailyKwh() {
    return days.isEmpty() ? 0 : totals.kwh() / days.size();
  }

  /** The currency code, e.g. USD. */
  public String currency() {
    return home.currency();
  }
}
