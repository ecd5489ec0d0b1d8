package org.p2penergy.home.summary;

/** A summary.json that is not one: the message names the key (and the file, when read from one). */
public final class SummaryFormatException extends RuntimeException {
  public SummaryFormatException(String message) {
    super(message);
  }
}
