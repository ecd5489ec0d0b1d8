package org.p2penergy.collector.simulate;

import java.time.Instant;

/**
 * One event as a device publishes it through the cloud: the Particle {@code coreid}, the event
 * name, the cloud's {@code published_at} (millisecond precision, as the real cloud has) and the
 * {@code data} text exactly as it goes on the wire.
 */
public record SimEvent(String coreid, String name, long publishedAtMillis, String data) {
  public Instant publishedAt() {
    return Instant.ofEpochMilli(publishedAtMillis);
  }
}
