package org.p2penergy.reports.pdf;

/** A report could not be written; the message names the path and why. */
public final class ReportException extends RuntimeException {
  public ReportException(String message) {
    super(message);
  }
}
