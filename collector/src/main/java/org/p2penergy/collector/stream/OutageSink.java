package org.p2penergy.collector.stream;

import java.io.IOException;
import java.time.Instant;

/** Where stream-down intervals go ({@code DATA/outages/}). */
@FunctionalInterface
public interface OutageSink {
  void outage(Instant start, Instant end, String reason) throws IOException;
}
