package org.p2penergy.reports.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.reports.chart.ChartDrawer;
import org.p2penergy.reports.summary.DaySummary;
import org.p2penergy.reports.summary.PeriodSummary;
import org.p2penergy.reports.summary.SummaryReader;

/**
 * Renders the PDF report of a day, week or month from {@code DATA/reports/D/summary.json} files (no
 * Spark). A day report needs that day's summary (else a one-line UserException naming the file); a
 * week or month report uses the days that have one and says which are missing.
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

  /** {@code DATA/reports/D/report-<period>.pdf}. */
  public static Path defaultOut(Path dataDir, LocalDate date, ReportPeriod period) {
    return dataDir
        .resolve("reports")
        .resolve(date.toString())
        .resolve("report-" + period.id() + ".pdf");
  }

  /** Renders to {@code out} (null: the default path) and returns it with the headline figures. */
  public RenderedReport render(Path dataDir, LocalDate date, ReportPeriod period, Path out) {
    PeriodSummary summary = figures(dataDir, date, period);
    Path target = out == null ? defaultOut(dataDir, date, period) : out;
    write(summary, target);
    return new RenderedReport(target, Headline.of(summary));
  }

  /**
   * The headline of a report without rendering it (e.g. to mail a PDF rendered earlier): the same
   * figures {@link #render} returns. Same errors as {@link #render} for a missing day summary.
   */
  public static Headline headline(Path dataDir, LocalDate date, ReportPeriod period) {
    return Headline.of(figures(dataDir, date, period));
  }

  /** The period's figures: a day needs its summary, a week or month takes the days it finds. */
  static PeriodSummary figures(Path dataDir, LocalDate date, ReportPeriod period) {
    List<DaySummary> days =
        period == ReportPeriod.DAY
            ? List.of(SummaryReader.read(dataDir, date))
            : SummaryReader.readPeriod(dataDir, date, period);
    return PeriodSummary.of(period, date, days);
  }

  /** Writes the PDF beside {@code target} first and renames it, so no reader sees half a file. */
  void write(PeriodSummary summary, Path target) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = dir.resolve("." + target.getFileName() + ".tmp");
      try {
        try (PDDocument document = new PDDocument()) {
          compose(document, summary);
          document.save(temp.toFile());
        }
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      // Permissions, a full disk, a folder in the way: the user's to fix, so one line, exit 2.
      throw new UserException("cannot write " + target + ": " + describe(e));
    }
  }

  private static String describe(IOException e) {
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
      ChartsSection.write(page, summary, new ChartDrawer(document, fonts), fonts);
      DataQualitySection.write(page, summary, fonts);
    }
  }
}
