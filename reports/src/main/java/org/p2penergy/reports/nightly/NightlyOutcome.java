package org.p2penergy.reports.nightly;

import java.util.List;

/**
 * What a nightly run did. The exit code names the earliest stage that failed: {@value #OK} all done
 * (or nothing to do), {@value #EMAIL_FAILED} an email was not sent (the PDF is kept; retried next
 * run), {@value #REPORT_FAILED} a report could not be rendered, {@value #ANALYZE_FAILED} the
 * analytics job failed (later days wait for the next run).
 */
public record NightlyOutcome(int exitCode, int daysFinished, List<String> problems) {
  public static final int OK = 0;
  public static final int EMAIL_FAILED = 3;
  public static final int REPORT_FAILED = 4;
  public static final int ANALYZE_FAILED = 5;

  /** Another nightly run holds {@code DATA/state/nightly.lock}. */
  public static final int ALREADY_RUNNING = 6;

  public NightlyOutcome {
    problems = List.copyOf(problems);
  }
}
