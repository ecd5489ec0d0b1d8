package org.p2penergy.reports.nightly;

import java.nio.file.Path;
import java.time.LocalDate;
import org.p2penergy.reports.pdf.Headline;
import org.p2penergy.reports.pdf.ReportPeriod;
import org.p2penergy.reports.pdf.ReportRenderer;
import org.p2penergy.reports.store.ReportStore;

/** Renders the PDF of a period ending on a date; the real one is {@link ReportRenderer}. */
@FunctionalInterface
public interface Reporter {
  /**
   * Writes the PDF to {@code out} and returns its headline figures for the email.
   *
   * @throws RuntimeException when it could not be rendered (the message says why)
   */
  Headline render(LocalDate date, ReportPeriod period, Path out);

  static Reporter pdf(Path dataDir, String home) {
    ReportRenderer renderer = new ReportRenderer();
    return (date, period, out) -> renderer.render(dataDir, home, date, period, out).headline();
  }

  /** The summaries come from the community's store and the PDF goes back to it. */
  static Reporter of(ReportStore store, String home) {
    ReportRenderer renderer = new ReportRenderer();
    return (date, period, out) ->
        store.render(renderer, home, date, period, out).report().headline();
  }
}
