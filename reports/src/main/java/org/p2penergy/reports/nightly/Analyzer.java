package org.p2penergy.reports.nightly;

import java.time.LocalDate;

/**
 * Runs the analytics job for local days {@code from} .. {@code to} (inclusive), leaving {@code
 * DATA/reports/D/summary.json} for each. The reports module never loads Spark itself: the real one
 * is {@link ChildProcessAnalyzer}.
 */
public interface Analyzer {
  /**
   * @throws AnalyzeException when the job failed; no summary of the range is to be trusted
   */
  void analyze(LocalDate from, LocalDate to);

  /** The analytics job failed; the message says how (exit code, command). */
  final class AnalyzeException extends RuntimeException {
    public AnalyzeException(String message) {
      super(message);
    }
  }
}
