package org.p2penergy.collector.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps stream opens under the Particle Cloud's limit (about 100 per 5 minutes per address) with a
 * sliding window: remembers the times of the last opens and says how long to wait before the next.
 * Not thread-safe; the stream loop is its only user.
 */
public final class OpenRateLimiter {
  /** Below the cloud's ~100 per 5 minutes, with room for a second tool on the same address. */
  public static final int DEFAULT_MAX_OPENS = 80;

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  private final int maxOpens;
  private final Duration window;
  private final Deque<Instant> opens = new ArrayDeque<>();

  public OpenRateLimiter(int maxOpens, Duration window) {
    if (maxOpens < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("need at least one open per positive window");
    }
    this.maxOpens = maxOpens;
    this.window = window;
  }

  public static OpenRateLimiter particleDefault() {
    return new OpenRateLimiter(DEFAULT_MAX_OPENS, DEFAULT_WINDOW);
  }

  /** How long to wait from {@code now} before an open stays within the limit (zero if none). */
  public Duration delayBeforeOpen(Instant now) {
    forgetBefore(now.minus(window));
    if (opens.size() < maxOpens) {
      return Duration.ZERO;
    }
    // The oldest open in the window must leave it first.
    Instant freeAt = opens.peekFirst().plus(window);
    return freeAt.isAfter(now) ? Duration.between(now, freeAt) : Duration.ZERO;
  }

  /** Records an open attempt (successful or not: the cloud counts both). */
  public void recordOpen(Instant at) {
    opens.addLast(at);
    while (opens.size() > maxOpens) {
      opens.removeFirst();
    }
  }

  public Duration window() {
    return window;
  }

  /** Opens within the window ending at {@code now}. */
  public int opensInWindow(Instant now) {
    forgetBefore(now.minus(window));
    return opens.size();
  }

  private void forgetBefore(Instant cutoff) {
    while (!opens.isEmpty() && !opens.peekFirst().isAfter(cutoff)) {
      opens.removeFirst();
    }
  }
}
