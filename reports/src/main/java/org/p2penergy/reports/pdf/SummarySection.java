package org.p2penergy.reports.pdf;

import java.awt.Color;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.p2penergy.reports.summary.ApplianceTotal;
import org.p2penergy.reports.summary.PeriodSummary;

/** Page 1's text: title, the home's totals with comparisons, the appliance table, highlights. */
final class SummarySection {
  static final String APPLIANCES = "Appliances";
  static final String STOOD_OUT = "What stood out";
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private SummarySection() {}

  static void write(PageWriter page, PeriodSummary p, Formats f) {
    String home = p.home().name().isBlank() ? "Home" : p.home().name();
    page.line(home + " — " + p.period().id() + " energy report", 16, true);
    page.line(span(p) + " · " + p.home().timezone(), 10, false, Color.DARK_GRAY);
    page.gap(6);
    if (p.isEmpty()) {
      page.line("No data for this period.", 14, true);
      page.paragraph(emptyReason(p), 9, false);
      return;
    }
    page.line(Formats.kwh(p.totals().kwh()) + "  ·  " + f.money(p.totals().cost()), 20, true);
    page.line(comparisons(p), 9, false);
    page.line(
        "Always on (standby): "
            + Formats.kwh(p.totals().standbyKwh())
            + " ("
            + f.money(p.totals().standbyCost())
            + ") · data coverage "
            + Formats.percent(p.totals().coverage()),
        9,
        false);
    page.heading(APPLIANCES);
    page.table(table(p, f), 7.5f);
    page.heading(STOOD_OUT);
    for (String item : Highlights.of(p, f)) {
      page.paragraph(item, 9, true);
    }
  }

  static String span(PeriodSummary p) {
    if (p.period() == ReportPeriod.DAY) {
      return Formats.longDay(p.end());
    }
    int days = p.period().dates(p.end()).size();
    return SHORT.format(p.start()) + " – " + SHORT.format(p.end()) + " (" + days + " days)";
  }

  /**
   * Day: "vs previous day: +6% (1.60 kWh) · vs 7-day average: +19% (1.43 kWh/day)". Week and month
   * compare daily means: "daily mean 1.65 kWh · vs previous week: +18% (1.40 kWh/day) · ...".
   */
  static String comparisons(PeriodSummary p) {
    boolean day = p.period() == ReportPeriod.DAY;
    String previous =
        "vs previous "
            + p.period().id()
            + ": "
            + p.previousDailyKwh().stream()
                .mapToObj(
                    before ->
                        Formats.change(p.dailyKwh(), before)
                            + " ("
                            + Formats.kwh(before)
                            + (day ? ")" : "/day)"))
                .findFirst()
                .orElse("no data");
    String average =
        (day ? "vs 7-day average: " : "vs the 7 days before: ")
            + p.weekAverageKwh().stream()
                .mapToObj(
                    before ->
                        Formats.change(p.dailyKwh(), before) + " (" + Formats.kwh(before) + "/day)")
                .findFirst()
                .orElse("no data");
    String mean = day ? "" : "daily mean " + Formats.kwh(p.dailyKwh()) + "   ·   ";
    return mean + previous + "   ·   " + average;
  }

  static Table table(PeriodSummary p, Formats f) {
    List<List<String>> rows = new ArrayList<>();
    for (ApplianceTotal a : p.appliances()) {
      rows.add(
          List.of(
              a.name(),
              Formats.number(a.kwh()),
              f.money(a.cost()),
              Formats.percent(a.share()),
              Formats.watts(a.peakW()),
              Formats.watts(a.standbyW()),
              f.money(a.standbyCost()),
              Formats.duration(Math.round(a.onSeconds())),
              Integer.toString(a.cycles()),
              Formats.percent(a.coverage())));
    }
    rows.add(
        List.of(
            "Total",
            Formats.number(p.totals().kwh()),
            f.money(p.totals().cost()),
            "100%",
            "",
            "",
            f.money(p.totals().standbyCost()),
            "",
            Integer.toString(p.appliances().stream().mapToInt(ApplianceTotal::cycles).sum()),
            Formats.percent(p.totals().coverage())));
    return new Table(
        List.of(
            "Appliance",
            "kWh",
            "Cost",
            "Share",
            "Peak",
            "Standby",
            "Standby cost",
            "On-time",
            "Cycles",
            "Coverage"),
        List.of(2.3f, 0.9f, 0.9f, 0.7f, 0.9f, 0.9f, 1.3f, 1.1f, 0.7f, 1f),
        List.of(false, true, true, true, true, true, true, true, true, true),
        rows,
        1);
  }

  private static String emptyReason(PeriodSummary p) {
    if (p.days().isEmpty()) {
      return "There is no summary for any day from "
          + SHORT.format(p.start())
          + " to "
          + SHORT.format(p.end())
          + ": run analyze for those days.";
    }
    return "The summaries of this period list no appliance readings: the collector may not have"
        + " been running (see data quality below).";
  }
}
