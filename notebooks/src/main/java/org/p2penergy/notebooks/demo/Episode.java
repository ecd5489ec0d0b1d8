package org.p2penergy.notebooks.demo;

import java.time.Instant;

/**
 * A planned stretch of one appliance state: a compressor run, a door opening, a microwave session
 * at {@code watts}. {@code end} is exclusive.
 */
public record Episode(String deviceId, String state, Instant start, Instant end, double watts) {

  public boolean covers(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  public long seconds() {
    return end.getEpochSecond() - start.getEpochSecond();
  }
}
