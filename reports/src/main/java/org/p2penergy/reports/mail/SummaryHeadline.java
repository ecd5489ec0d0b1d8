package org.p2penergy.reports.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.reports.pdf.Headline;
import org.p2penergy.reports.pdf.ReportPeriod;
import org.p2penergy.reports.pdf.ReportRenderer;

/**
 * Finds the headline of a report already on disk ({@code DATA/reports/H/D/report-<period>.pdf}):
 * the date and period come from its path, the figures and table from {@link
 * ReportRenderer#headline}, the renderer's own code, so the email's figures are the PDF's. Used by
 * {@code email}; {@code nightly} takes the renderer's.
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
    if (!Files.isRegularFile(folder.resolve(DataLayout.SUMMARY))) {
      return Optional.empty();
    }
    // DATA/reports/H/D/report-P.pdf
    Path homeDir = folder.getParent();
    Path dataDir = homeDir.getParent().getParent();
    return Optional.of(
        ReportRenderer.headline(dataDir, homeDir.getFileName().toString(), date, periodOf(report)));
  }
}
