package org.p2penergy.reports.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.p2penergy.reports.pdf.Formats;
import org.p2penergy.reports.pdf.Headline;
import org.p2penergy.reports.pdf.ReportPeriod;
import org.p2penergy.reports.summary.ApplianceTotal;
import org.p2penergy.reports.summary.DaySummary;
import org.p2penergy.reports.summary.PeriodSummary;
import org.p2penergy.reports.summary.SummaryReader;

/**
 * The headline of a report already on disk ({@code DATA/reports/D/report-<period>.pdf}), added up
 * from the same summaries with the same {@link PeriodSummary} arithmetic the renderer uses, so the
 * email's figures are the PDF's. Used by {@code email}; {@code nightly} takes the renderer's.
 */
public final class SummaryHeadline {
  private SummaryHeadline() {}

  /** The period a report file is for, from its name ({@code report-week.pdf} is a week). */
  public static ReportPeriod periodOf(Path report) {
    String name = report.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.contains("week")) return ReportPeriod.WEEK;
    if (name.contains("month")) return ReportPeriod.MONTH;
    return ReportPeriod.DAY;
  }

  /** Empty when the report is not in a dated report folder that has a summary. */
  public static Optional<Headline> forReport(Path report) {
    Path folder = report.toAbsolutePath().getParent();
    LocalDate date;
    try {
      date = LocalDate.parse(folder.getFileName().toString());
    } catch (RuntimeException notADate) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(folder.resolve("summary.json"))) {
      return Optional.empty();
    }
    Path dataDir = folder.getParent().getParent();
    ReportPeriod period = periodOf(report);
    List<DaySummary> days =
        period == ReportPeriod.DAY
            ? List.of(SummaryReader.read(dataDir, date))
            : SummaryReader.readPeriod(dataDir, date, period);
    return Optional.of(of(PeriodSummary.of(period, date, days)));
  }

  static Headline of(PeriodSummary p) {
    Formats f = new Formats(p.currency());
    StringBuilder table = new StringBuilder();
    String format = "%-24s %9s %9s %6s%n";
    table.append(String.format(Locale.ROOT, format, "Appliance", "kWh", "Cost", "Share"));
    for (ApplianceTotal a : p.appliances()) {
      table.append(
          String.format(
              Locale.ROOT,
              format,
              a.name().length() > 24 ? a.name().substring(0, 23) + "…" : a.name(),
              Formats.number(a.kwh()),
              f.money(a.cost()),
              Formats.percent(a.share())));
    }
    return new Headline(
        p.end(),
        p.period(),
        p.totals().kwh(),
        p.totals().cost(),
        p.currency(),
        p.isEmpty() ? "(no data for this period)\n" : table.toString(),
        p.isEmpty());
  }
}
