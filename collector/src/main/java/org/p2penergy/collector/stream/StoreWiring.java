package org.p2penergy.collector.stream;

import java.io.PrintStream;
import java.time.Clock;

/** Opens the durable store, quarantine and outage logs for a collector run. */
final class StoreWiring {
  private StoreWiring() {}

  static Collector.Sinks open(CollectSettings settings, Clock clock, PrintStream out) {
    throw new UnsupportedOperationException("store not merged yet");
  }
}
