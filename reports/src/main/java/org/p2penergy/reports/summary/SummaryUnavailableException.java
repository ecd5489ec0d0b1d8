package org.p2penergy.reports.summary;

/**
 * A day's summary.json is missing, unreadable or not a valid summary: the message names the file
 * and, for a bad file, the key. The usual fix is to run analyze for that day.
 */
public final class SummaryUnavailableException extends RuntimeException {
  public SummaryUnavailableException(String message) {
    super(message);
  }
}
