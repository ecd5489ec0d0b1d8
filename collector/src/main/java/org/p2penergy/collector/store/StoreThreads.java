package org.p2penergy.collector.store;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The store's two daemon threads: one ticks (group fsync, sealing a segment when the roll time
 * comes), one rolls (segment to Parquet). Separate, because a roll can take seconds and must not
 * delay the group fsync that makes readings durable.
 */
final class StoreThreads {
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(daemon("p2penergy-fsync"));
  private final ExecutorService roller =
      Executors.newSingleThreadExecutor(daemon("p2penergy-roll"));
  private final AtomicBoolean rollQueued = new AtomicBoolean();
  private final Runnable roll;

  /**
   * @param tick returns true when sealed segments wait for a roll
   * @param roll converts the sealed segments (reports its own errors)
   */
  StoreThreads(Duration fsyncInterval, BooleanSupplier tick, Runnable roll) {
    this.roll = roll;
    // Tick at the fsync interval, but at least every second so timed rolls are on time.
    long period = fsyncInterval.isZero() ? 1000 : Math.min(fsyncInterval.toMillis(), 1000);
    period = Math.max(10, period);
    ticker.scheduleWithFixedDelay(
        () -> {
          if (tick.getAsBoolean()) queueRoll();
        },
        period,
        period,
        TimeUnit.MILLISECONDS);
  }

  /** Asks for a roll; one queued at a time is enough, it converts every sealed segment. */
  void queueRoll() {
    if (rollQueued.compareAndSet(false, true)) {
      roller.execute(
          () -> {
            rollQueued.set(false);
            roll.run();
          });
    }
  }

  /** Stops ticking and waits for a roll in progress to finish. */
  void stop() {
    ticker.shutdown();
    roller.shutdown();
    try {
      ticker.awaitTermination(1, TimeUnit.MINUTES);
      roller.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
