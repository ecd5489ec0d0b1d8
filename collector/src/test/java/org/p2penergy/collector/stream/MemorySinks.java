package org.p2penergy.collector.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingSink;

/** Sinks that keep everything in lists, for tests of the stream side alone. */
final class MemorySinks {
  record Quarantined(Instant receivedAt, String reason, String event, String raw) {}

  record Outage(Instant start, Instant end, String reason) {}

  final List<Reading> readings = Collections.synchronizedList(new ArrayList<>());
  final List<Quarantined> quarantined = Collections.synchronizedList(new ArrayList<>());
  final List<Outage> outages = Collections.synchronizedList(new ArrayList<>());
  volatile boolean closed;
  // A list is durable at once: every reading taken is counted as stored.
  final StoreHealth health = new StoreHealth(() -> 0, () -> 0, System.out);

  Collector.Sinks sinks() {
    ReadingSink sink =
        new ReadingSink() {
          @Override
          public void accept(Reading reading) {
            readings.add(reading);
            health.synced(readings.size());
          }

          @Override
          public void close() {
            closed = true;
          }
        };
    return new Collector.Sinks(
        sink,
        (home, at, reason, event, raw) -> quarantined.add(new Quarantined(at, reason, event, raw)),
        (start, end, reason) -> outages.add(new Outage(start, end, reason)),
        health);
  }
}
