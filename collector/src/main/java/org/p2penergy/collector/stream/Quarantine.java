package org.p2penergy.collector.stream;

import java.io.IOException;
import java.time.Instant;

/** Where rejected events go, with their raw text and the reason ({@code DATA/quarantine/}). */
@FunctionalInterface
public interface Quarantine {
  /** Longest raw text kept per line: enough to see what was wrong, bounded for a full disk. */
  int MAX_RAW_CHARS = 4096;

  /**
   * @param home the home the event belongs to, or null when it belongs to none (or is unknown)
   */
  void reject(String home, Instant receivedAt, String reason, String event, String raw)
      throws IOException;

  /** The raw text as kept: cut at {@link #MAX_RAW_CHARS} with a note of the full length. */
  static String bounded(String raw) {
    if (raw == null || raw.length() <= MAX_RAW_CHARS) {
      return raw;
    }
    return raw.substring(0, MAX_RAW_CHARS) + "...[" + raw.length() + " chars in all]";
  }
}
