package org.p2penergy.collector.stream;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A stop request (SIGTERM) that also cuts short any wait between reconnects. */
public final class StopSignal {
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final java.util.function.Consumer<Duration> fakeSleep;

  public StopSignal() {
    this(null);
  }

  private StopSignal(java.util.function.Consumer<Duration> fakeSleep) {
    this.fakeSleep = fakeSleep;
  }

  /**
   * For tests of the loop's timing: every wait returns at once after telling {@code onSleep} how
   * long it would have been (a test's clock moves on by that much).
   */
  static StopSignal withoutWaiting(java.util.function.Consumer<Duration> onSleep) {
    return new StopSignal(onSleep);
  }

  public void stop() {
    stopped.countDown();
  }

  public boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** Waits up to {@code d}; false if a stop came first. */
  public boolean sleep(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return !isStopped();
    }
    if (fakeSleep != null) {
      fakeSleep.accept(d);
      return !isStopped();
    }
    try {
      return !stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
