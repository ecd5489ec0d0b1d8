package org.p2penergy.reports.mail;

import java.time.Duration;

/**
 * How often a temporary failure is retried: {@code attempts} tries in all, waiting {@code
 * firstDelay} before the second and {@code factor} times longer before each one after.
 */
public record RetryPolicy(int attempts, Duration firstDelay, double factor) {
  /** About six minutes of patience: enough for a mail server restart, short for a nightly run. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(20), 3);

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    if (firstDelay.isNegative() || factor < 1) {
      throw new IllegalArgumentException("delay must be >= 0 and factor >= 1");
    }
  }

  /** The wait before attempt {@code attempt} (2 .. attempts). */
  public Duration delayBefore(int attempt) {
    double millis = firstDelay.toMillis() * Math.pow(factor, attempt - 2);
    return Duration.ofMillis(Math.round(millis));
  }
}
