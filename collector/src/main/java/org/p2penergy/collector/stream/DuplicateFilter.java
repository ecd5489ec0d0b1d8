package org.p2penergy.collector.stream;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recent event keys (device, event, published_at) so that the same event is
 * stored once even when it arrives twice (two subscriptions, a cloud retry, a legacy table with
 * copies). Bounded: the oldest keys are forgotten first, so memory stays flat on a Pi.
 */
public final class DuplicateFilter {
  /** Enough for several minutes of 10 devices at the cloud's maximum rate. */
  public static final int DEFAULT_CAPACITY = 8192;

  private record Key(String deviceId, String event, long epochSecond, int nano) {}

  private final Map<Key, Boolean> recent;

  public DuplicateFilter(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.recent =
        new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True the first time a key is seen (within the window); false for a duplicate. */
  public synchronized boolean firstSeen(String deviceId, String event, Instant publishedAt) {
    Key key = new Key(deviceId, event, publishedAt.getEpochSecond(), publishedAt.getNano());
    return recent.putIfAbsent(key, Boolean.TRUE) == null;
  }

  public synchronized int size() {
    return recent.size();
  }
}
