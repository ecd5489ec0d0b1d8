package org.p2penergy.collector.simulate;

import java.util.function.LongSupplier;

/**
 * The simulated clock: {@code start + speed × real time elapsed} since it began to run. The
 * simulator lets it run when it starts, or holds it at {@code start} until the first event stream
 * opens, so that a subscriber sees the whole simulated period however long it took to connect.
 */
final class SimClock {
  private final long startMillis;
  private final double speed;
  private final LongSupplier nanoTime;
  private volatile long originNanos;
  private volatile boolean running;

  /** A clock that stays at {@code startMillis} until {@link #run()}. */
  SimClock(long startMillis, double speed, LongSupplier nanoTime) {
    this.startMillis = startMillis;
    this.speed = speed;
    this.nanoTime = nanoTime;
  }

  /** Lets the clock run from now on (no effect if it already runs). */
  synchronized void run() {
    if (!running) {
      originNanos = nanoTime.getAsLong();
      running = true;
    }
  }

  long startMillis() {
    return startMillis;
  }

  double speed() {
    return speed;
  }

  long nowMillis() {
    if (!running) {
      return startMillis;
    }
    double elapsedMs = (nanoTime.getAsLong() - originNanos) / 1e6;
    return startMillis + (long) Math.floor(elapsedMs * speed);
  }

  /** Real nanoseconds until the simulated clock reaches {@code millis} (0 if already there). */
  long realNanosUntil(long millis) {
    long ahead = millis - nowMillis();
    if (ahead <= 0) {
      return 0;
    }
    if (!running) {
      return Long.MAX_VALUE;
    }
    return (long) Math.ceil(ahead * 1e6 / speed);
  }
}
