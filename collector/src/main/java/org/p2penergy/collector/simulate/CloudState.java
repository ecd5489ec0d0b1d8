package org.p2penergy.collector.simulate;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What every request handler of one simulator shares: its clock, devices, faults and counters. */
final class CloudState {
  final SimulatedHome home;
  final SimClock clock;
  final FaultSchedule faults;
  final SentLog sentLog;
  final long endMillis;
  final long keepAliveNanos;
  final long productId;
  final LongAdder eventsSent = new LongAdder();
  final LongAdder faultsInjected = new LongAdder();
  final AtomicInteger openStreams = new AtomicInteger();
  final AtomicInteger streamsOpened = new AtomicInteger();
  final AtomicBoolean closing = new AtomicBoolean();

  CloudState(
      SimulatedHome home,
      SimClock clock,
      FaultSchedule faults,
      SentLog sentLog,
      long endMillis,
      long keepAliveNanos,
      long productId) {
    this.home = home;
    this.clock = clock;
    this.faults = faults;
    this.sentLog = sentLog;
    this.endMillis = endMillis;
    this.keepAliveNanos = keepAliveNanos;
    this.productId = productId;
  }

  /** The simulated time, never past the end of the simulation. */
  long simulatedNowMillis() {
    return Math.min(clock.nowMillis(), endMillis);
  }

  boolean finished() {
    return clock.nowMillis() >= endMillis;
  }
}
