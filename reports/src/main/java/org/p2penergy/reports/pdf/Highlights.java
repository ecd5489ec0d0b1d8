package org.p2penergy.reports.pdf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.p2penergy.reports.summary.ApplianceTotal;
import org.p2penergy.reports.summary.DaySummary;
import org.p2penergy.reports.summary.PeriodSummary;

/** The plain-language "what stood out" list: anomalies, the biggest change, standby waste. */
final class Highlights {
  static final int MAX_ANOMALIES = 5;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private Highlights() {}

  static List<String> of(PeriodSummary p, Formats f) {
    List<String> out = new ArrayList<>();
    List<DaySummary.Anomaly> anomalies =
        p.days().stream().flatMap(d -> d.anomalies().stream()).toList();
    anomalies.stream().limit(MAX_ANOMALIES).forEach(a -> out.add(anomaly(a)));
    if (anomalies.size() > MAX_ANOMALIES) {
      out.add("… and " + (anomalies.size() - MAX_ANOMALIES) + " more anomalies.");
    }
    biggestChange(p).ifPresent(out::add);
    if (p.totals().standbyKwh() > 0 && p.totals().kwh() > 0) {
      ApplianceTotal top =
          p.appliances().stream().max(Comparator.comparingDouble(ApplianceTotal::standbyW)).get();
      out.add(
          "Always-on (standby) power used "
              + Formats.kwh(p.totals().standbyKwh())
              + " ("
              + f.money(p.totals().standbyCost())
              + "), "
              + Formats.percent(p.totals().standbyKwh() / p.totals().kwh())
              + " of the total; the largest is "
              + top.name()
              + " at "
              + Formats.watts(top.standbyW())
              + ".");
    }
    if (!p.missing().isEmpty() && !p.days().isEmpty()) {
      out.add(
          p.missing().size()
              + " day(s) of the period have no summary: totals cover the other days.");
    }
    if (!p.days().isEmpty() && p.totals().coverage() < 0.95) {
      out.add(
          "Data covers only "
              + Formats.percent(p.totals().coverage())
              + " of the period: the real use was higher than shown.");
    }
    if (out.isEmpty()) {
      out.add("Nothing unusual.");
    }
    return out;
  }

  private static String anomaly(DaySummary.Anomaly a) {
    String when =
        a.start() == null
            ? ""
            : " on "
                + DAY.format(a.start())
                + " "
                + TIME.format(a.start())
                + (a.end() == null ? "" : "–" + TIME.format(a.end()));
    String kind = a.kind() == null ? "anomaly" : a.kind().replace('_', ' ');
    String name = a.appliance() == null || a.appliance().isBlank() ? a.deviceId() : a.appliance();
    return name + ": " + kind + when + (a.detail().isBlank() ? "" : ": " + a.detail()) + ".";
  }

  /** The appliance whose kWh changed most against the previous period, if that is known. */
  static Optional<String> biggestChange(PeriodSummary p) {
    LocalDate prevEnd = p.period().previousEnd(p.end());
    List<LocalDate> prevDays = p.period().dates(prevEnd);
    if (prevDays.stream().noneMatch(p.history()::knows) || p.appliances().isEmpty()) {
      return Optional.empty();
    }
    ApplianceTotal best = null;
    double bestBefore = 0;
    for (ApplianceTotal a : p.appliances()) {
      double before = previousKwh(p, prevDays, a.deviceId());
      if (best == null || Math.abs(a.kwh() - before) > Math.abs(best.kwh() - bestBefore)) {
        best = a;
        bestBefore = before;
      }
    }
    double delta = best.kwh() - bestBefore;
    String period = p.period() == ReportPeriod.DAY ? "day" : p.period().id();
    String change = Formats.change(best.kwh(), bestBefore);
    return Optional.of(
        "Biggest change: "
            + best.name()
            + " used "
            + Formats.kwh(Math.abs(delta))
            + (delta >= 0 ? " more" : " less")
            + " than the previous "
            + period
            + (change.equals("n/a") ? "" : " (" + change + ")")
            + ".");
  }

  static double previousKwh(PeriodSummary p, List<LocalDate> days, String deviceId) {
    return days.stream()
        .map(d -> p.history().on(d).get(deviceId))
        .filter(h -> h != null)
        .mapToDouble(DaySummary.HistoryDay::kwh)
        .sum();
  }
}
