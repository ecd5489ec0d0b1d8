package org.p2penergy.reports.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.p2penergy.home.io.AtomicFiles;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.reports.chart.ChartDrawer;
import org.p2penergy.reports.summary.PeriodSummary;
import org.p2penergy.reports.summary.SummaryReader;

/**
 * Renders the PDF report of a day, week or month from {@code DATA/reports/H/D/summary.json} files
 * (no Spark). A day report needs that day's summary (else a SummaryUnavailableException naming the
 * file); a week or month report uses the days that have one and says which are missing.
 */
public final class ReportRenderer {
  static {
    // JFreeChart measures text with AWT; no display is needed or wanted.
    System.setProperty("java.awt.headless", "true");
  }

  private final Optional<Path> fallbackFont;

  /** A renderer using the machine's fallback font for CJK, if one is installed. */
  public ReportRenderer() {
    this(FallbackFont.find());
  }

  public ReportRenderer(Optional<Path> fallbackFont) {
    this.fallbackFont = fallbackFont;
  }

  /** {@code DATA/reports/H/D/report-<period>.pdf}. */
  public static Path defaultOut(Path dataDir, String home, LocalDate date, ReportPeriod period) {
    return dataDir.resolve(DataLayout.of(home).report(date, period.id()));
  }

  /** Renders to {@code out} (null: the default path) and returns it with the headline figures. */
  public RenderedReport render(
      Path dataDir, String home, LocalDate date, ReportPeriod period, Path out) {
    PeriodSummary summary = figures(dataDir, home, date, period);
    Path target = out == null ? defaultOut(dataDir, home, date, period) : out;
    write(summary, target);
    return new RenderedReport(target, Headline.of(summary));
  }

  /**
   * The headline of a report without rendering it (e.g. to mail a PDF rendered earlier): the same
   * figures {@link #render} returns. Same errors as {@link #render} for a missing day summary.
   */
  public static Headline headline(Path dataDir, String home, LocalDate date, ReportPeriod period) {
    return Headline.of(figures(dataDir, home, date, period));
  }

  /**
   * The period's figures: a day needs its summary, a week or month takes the days it finds (a
   * corrupt day is named in the report and left out).
   */
  static PeriodSummary figures(Path dataDir, String home, LocalDate date, ReportPeriod period) {
    if (period == ReportPeriod.DAY) {
      return PeriodSummary.of(period, date, List.of(SummaryReader.read(dataDir, home, date)));
    }
    SummaryReader.Period found = SummaryReader.readPeriod(dataDir, home, date, period);
    return PeriodSummary.of(period, date, found.days(), found.unreadable());
  }

  /**
   * Writes the PDF beside {@code target} first and renames it, so no reader sees half a file; a
   * target that is not a regular file (a FIFO, a device, a symbolic link) is refused.
   */
  void write(PeriodSummary summary, Path target) {
    try {
      AtomicFiles.write(
          target,
          out -> {
            try (PDDocument document = new PDDocument()) {
              compose(document, summary);
              document.save(out);
            }
          });
    } catch (IOException e) {
      // Permissions, a full disk, a folder or a FIFO in the way: the user's to fix.
      throw new ReportException("cannot write " + target + ": " + describe(e));
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String kind = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? kind : kind + " " + e.getMessage();
  }

  private void compose(PDDocument document, PeriodSummary summary) {
    FontSet fonts = FontSet.load(document, fallbackFont);
    Formats formats = new Formats(summary.currency());
    String title =
        (summary.home().name().isBlank() ? "Home" : summary.home().name())
            + " — "
            + summary.period().id()
            + " report "
            + summary.end();
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setCreator("P2P Energy");
    try (PageWriter page = new PageWriter(document, fonts, "P2P Energy · " + title)) {
      SummarySection.write(page, summary, formats);
      ChartDrawer drawer = new ChartDrawer(document, fonts);
      ComparisonSection.write(page, summary, drawer, fonts::displayable);
      ChartsSection.write(page, summary, drawer, fonts);
      DataQualitySection.write(page, summary, fonts);
    }
  }
}
