package org.p2penergy.reports.pdf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.reports.summary.ApplianceTotal;
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
    out.addAll(anomalies(anomalies));
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

  /**
   * Up to {@value #MAX_ANOMALIES} anomalies one by one; more than that (a week or a month) grouped
   * per appliance and kind, with the count and the last one.
   */
  static List<String> anomalies(List<DaySummary.Anomaly> anomalies) {
    if (anomalies.size() <= MAX_ANOMALIES) {
      return anomalies.stream().map(Highlights::anomaly).toList();
    }
    java.util.Map<String, List<DaySummary.Anomaly>> groups = new java.util.LinkedHashMap<>();
    for (DaySummary.Anomaly a : anomalies) {
      groups.computeIfAbsent(name(a) + "\u0000" + a.kind(), k -> new ArrayList<>()).add(a);
    }
    List<String> out = new ArrayList<>();
    groups.values().stream()
        .limit(MAX_ANOMALIES)
        .forEach(
            g -> {
              DaySummary.Anomaly last = g.get(g.size() - 1);
              out.add(
                  g.size() == 1
                      ? anomaly(last)
                      : name(last)
                          + ": "
                          + kind(last)
                          + " "
                          + g.size()
                          + " times; the last"
                          + whenAndDetail(last));
            });
    if (groups.size() > MAX_ANOMALIES) {
      out.add("… and " + (groups.size() - MAX_ANOMALIES) + " more kinds of anomaly.");
    }
    return out;
  }

  private static String name(DaySummary.Anomaly a) {
    return a.appliance() == null || a.appliance().isBlank() ? a.deviceId() : a.appliance();
  }

  private static String kind(DaySummary.Anomaly a) {
    return a.kind() == null ? "anomaly" : a.kind().replace('_', ' ');
  }

  private static String anomaly(DaySummary.Anomaly a) {
    return name(a) + ": " + kind(a) + whenAndDetail(a);
  }

  /** " on 27 Nov 18:02–18:09: door open 7.5 min (threshold 2 min)." */
  private static String whenAndDetail(DaySummary.Anomaly a) {
    String when =
        a.start() == null
            ? ""
            : " on "
                + DAY.format(a.start())
                + " "
                + TIME.format(a.start())
                + (a.end() == null ? "" : "–" + TIME.format(a.end()));
    return when + (a.detail().isBlank() ? "" : ": " + a.detail()) + ".";
  }

  /**
   * The appliance whose daily kWh changed most against the previous period (daily means over the
   * days known on each side), if that period is known at all.
   */
  static Optional<String> biggestChange(PeriodSummary p) {
    LocalDate prevEnd = p.period().previousEnd(p.end());
    List<LocalDate> known = p.period().dates(prevEnd).stream().filter(p.history()::knows).toList();
    if (known.isEmpty() || p.appliances().isEmpty()) {
      return Optional.empty();
    }
    ApplianceTotal best = null;
    double bestDelta = 0;
    double bestBefore = 0;
    for (ApplianceTotal a : p.appliances()) {
      double now = a.kwh() / p.days().size();
      double before = previousKwh(p, known, a.deviceId()) / known.size();
      if (best == null || Math.abs(now - before) > Math.abs(bestDelta)) {
        best = a;
        bestDelta = now - before;
        bestBefore = before;
      }
    }
    boolean day = p.period() == ReportPeriod.DAY;
    String change = Formats.change(bestBefore + bestDelta, bestBefore);
    return Optional.of(
        "Biggest change: "
            + best.name()
            + " used "
            + Formats.kwh(Math.abs(bestDelta))
            + (day ? "" : "/day")
            + (bestDelta >= 0 ? " more" : " less")
            + (day ? " than the previous day" : " than in the previous " + p.period().id())
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
