package org.p2penergy.reports.nightly;

/** {@code state/nightly/H.json} is not a nightly state; the message says what to do. */
public final class NightlyStateException extends RuntimeException {
  public NightlyStateException(String message) {
    super(message);
  }
}
