package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rejected input, kept with the reason: {@code DATA/quarantine/YYYY-MM-DD.jsonl} (UTC date of
 * receipt), one JSON object a line with {@code received_at}, {@code reason}, {@code event}, {@code
 * raw} (the raw text) and, for imports, {@code source} ({@code path:line}). Nothing rejected is
 * silently lost.
 */
public final class QuarantineLog implements AutoCloseable {
  private final JsonLinesLog log;
  private final Clock clock;

  /** Each line fsynced as it is written: what the collector wants (rejections are rare). */
  public QuarantineLog(Path dataDir, Clock clock) {
    this(dataDir, clock, true);
  }

  /**
   * @param syncEachLine false for bulk imports, which fsync once on {@link #close()}
   */
  public QuarantineLog(Path dataDir, Clock clock, boolean syncEachLine) {
    this.log = new JsonLinesLog(dataDir.resolve("quarantine"), syncEachLine);
    this.clock = clock;
  }

  /** Quarantines what the collector received now. */
  public void add(String reason, String event, String raw) throws IOException {
    add(clock.instant(), reason, event, raw, null);
  }

  /**
   * @param event the event name if known, else null
   * @param source where the text came from ({@code path:line}), or null
   */
  public void add(Instant receivedAt, String reason, String event, String raw, String source)
      throws IOException {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("received_at", receivedAt.toString());
    entry.put("reason", reason);
    entry.put("event", event);
    entry.put("raw", raw);
    if (source != null) entry.put("source", source);
    log.append(receivedAt, entry);
  }

  /** Lines written since this log was opened. */
  public long count() {
    return log.lines();
  }

  @Override
  public void close() throws IOException {
    log.close();
  }
}
