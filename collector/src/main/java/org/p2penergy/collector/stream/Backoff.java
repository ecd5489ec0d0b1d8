package org.p2penergy.collector.stream;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter between reconnects: the n-th consecutive failure waits a random
 * time in [base·2ⁿ⁻¹ / 2, base·2ⁿ⁻¹], capped at {@code max}, so many collectors restarted together
 * do not reconnect in lock-step. {@link #reset()} after a connection that stayed up.
 */
public final class Backoff {
  public static final Duration DEFAULT_BASE = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX = Duration.ofMinutes(2);

  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;
  private int failures;

  public Backoff(Duration base, Duration max, RandomGenerator random) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max");
    }
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The wait before the next attempt; each call counts one more consecutive failure. */
  public Duration next() {
    failures = Math.min(failures + 1, 62);
    long ceiling = base.toMillis();
    for (int i = 1; i < failures && ceiling < max.toMillis(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, max.toMillis());
    long floor = ceiling / 2;
    return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
  }

  public int failures() {
    return failures;
  }

  public void reset() {
    failures = 0;
  }
}
