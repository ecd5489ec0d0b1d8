package org.p2penergy.collector.stream;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened to the events, for the status line and the final summary. Written by the stream
 * thread, read by the status thread.
 */
public final class IngestCounters {
  /** Devices tracked for "last event age"; ids are validated, so this only guards against junk. */
  private static final int MAX_DEVICES = 1000;

  private final AtomicLong events = new AtomicLong();
  private final AtomicLong readings = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong cloudEvents = new AtomicLong();
  private final AtomicLong noData = new AtomicLong();
  private final AtomicLong quarantined = new AtomicLong();
  private final Map<String, AtomicLong> reasons = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastEvent = new ConcurrentHashMap<>();

  void event() {
    events.incrementAndGet();
  }

  void accepted(String deviceId, Instant receivedAt, int readingCount) {
    readings.addAndGet(readingCount);
    if (lastEvent.size() < MAX_DEVICES || lastEvent.containsKey(deviceId)) {
      lastEvent.put(deviceId, receivedAt);
    }
  }

  void duplicate() {
    duplicates.incrementAndGet();
  }

  void cloudEvent() {
    cloudEvents.incrementAndGet();
  }

  void noData() {
    noData.incrementAndGet();
  }

  void quarantined(String reason) {
    quarantined.incrementAndGet();
    reasons.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
  }

  public long events() {
    return events.get();
  }

  /**
   * Readings the store took. Not yet durable: what counts as stored is the store's own count
   * ({@link StoreHealth#durable()}).
   */
  public long readings() {
    return readings.get();
  }

  public long duplicates() {
    return duplicates.get();
  }

  public long cloudEvents() {
    return cloudEvents.get();
  }

  public long noDataEvents() {
    return noData.get();
  }

  public long quarantined() {
    return quarantined.get();
  }

  /** Quarantine counts by reason, sorted by reason. */
  public Map<String, Long> quarantineReasons() {
    Map<String, Long> out = new TreeMap<>();
    reasons.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** The receive time of each device's latest accepted event, sorted by device id. */
  public Map<String, Instant> lastEventByDevice() {
    return new TreeMap<>(lastEvent);
  }
}
