package org.p2penergy.collector.simulate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The faults to inject, with their times counted in real nanoseconds from the first request the
 * simulator receives (so that a slow client start does not make a fault fire before anyone is
 * connected).
 */
final class FaultSchedule {
  /** A bound on faults delivered at once, for a schedule with a period far below the poll step. */
  private static final int MAX_AT_ONCE = 100;

  private final List<Fault> faults;
  private final LongSupplier nanoTime;
  private volatile long originNanos;
  private final AtomicBoolean begun = new AtomicBoolean();

  FaultSchedule(List<Fault> faults, LongSupplier nanoTime) {
    this.faults = new CopyOnWriteArrayList<>(faults);
    this.nanoTime = nanoTime;
    this.originNanos = nanoTime.getAsLong();
  }

  /**
   * Counts the schedule from now, if it has not begun yet (the first request).
   *
   * @return the schedule time now: exactly 0 for the call that began it
   */
  long begin() {
    if (begun.compareAndSet(false, true)) {
      originNanos = nanoTime.getAsLong();
      return 0;
    }
    return elapsedNanos();
  }

  long elapsedNanos() {
    return nanoTime.getAsLong() - originNanos;
  }

  /**
   * Adds a fault whose {@code at} counts from now. Synchronized with {@link #dueNow}: a stream that
   * has just checked up to its "now" must still see a fault injected a moment later, so the fault
   * is due strictly after every check made before it was added.
   */
  synchronized void inject(Fault fault) {
    begin();
    Duration at = Duration.ofNanos(elapsedNanos() + 1).plus(fault.at());
    faults.add(
        new Fault(
            fault.kind(),
            at,
            fault.every(),
            fault.times(),
            fault.length(),
            fault.size(),
            fault.retryAfter()));
  }

  /** The schedule time of a check and the stream faults due up to it. */
  record Due(long nowNanos, List<Fault> faults) {}

  /** The stream faults due in (from, now], with that now: read together with {@link #inject}. */
  synchronized Due dueNow(long fromNanos) {
    long now = elapsedNanos();
    return new Due(now, streamFaultsIn(fromNanos, now));
  }

  /**
   * The stream faults (drop, stall, malformed, oversized) due in (from, to], once per occurrence.
   */
  List<Fault> streamFaultsIn(long fromNanos, long toNanos) {
    List<Fault> due = new ArrayList<>();
    for (Fault fault : faults) {
      if (!fault.kind().isHttpStatus()) {
        int n = Math.min(MAX_AT_ONCE, fault.occurrencesIn(fromNanos, toNanos));
        for (int i = 0; i < n; i++) {
          due.add(fault);
        }
      }
    }
    return due;
  }

  /** The HTTP-error fault whose window covers {@code nanos}, if any. */
  Optional<Fault> httpFaultAt(long nanos) {
    return faults.stream()
        .filter(f -> f.kind().isHttpStatus() && f.windowCovers(nanos))
        .findFirst();
  }

  /** When the next stream fault after {@code nanos} is due, or {@link Long#MAX_VALUE}. */
  long nextStreamFaultAfter(long nanos) {
    long next = Long.MAX_VALUE;
    for (Fault fault : faults) {
      if (!fault.kind().isHttpStatus()) {
        long k = fault.firstAfter(nanos);
        if (k < fault.times()) {
          next = Math.min(next, fault.occurrenceNanos(k));
        }
      }
    }
    return next;
  }
}
