package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.p2penergy.home.layout.DataLayout;

/**
 * Rejected input, kept with the reason: {@code DATA/quarantine/home=H/YYYY-MM-DD.jsonl} (UTC date
 * of receipt), one JSON object a line with {@code received_at}, {@code reason}, {@code event},
 * {@code raw} (the raw text) and, for imports, {@code source} ({@code path:line}). What belongs to
 * no home (a community collector's unknown device, an event without a device) goes to {@code
 * quarantine/unassigned/}. Nothing rejected is silently lost.
 */
public final class QuarantineLog implements AutoCloseable {
  private final Path dataDir;
  private final Clock clock;
  private final boolean syncEachLine;
  private final Map<String, JsonLinesLog> logs = new LinkedHashMap<>();
  private long count;

  /** Each line fsynced as it is written: what the collector wants (rejections are rare). */
  public QuarantineLog(Path dataDir, Clock clock) {
    this(dataDir, clock, true);
  }

  /**
   * @param syncEachLine false for bulk imports, which fsync once on {@link #close()}
   */
  public QuarantineLog(Path dataDir, Clock clock, boolean syncEachLine) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.syncEachLine = syncEachLine;
  }

  /** Quarantines what the collector received now, for {@code home}. */
  public void add(String home, String reason, String event, String raw) throws IOException {
    add(home, clock.instant(), reason, event, raw, null);
  }

  /**
   * @param home the home the event belongs to, or null when it belongs to none
   * @param event the event name if known, else null
   * @param source where the text came from ({@code path:line}), or null
   */
  public synchronized void add(
      String home, Instant receivedAt, String reason, String event, String raw, String source)
      throws IOException {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("received_at", receivedAt.toString());
    entry.put("reason", reason);
    entry.put("event", event);
    entry.put("raw", raw);
    if (source != null) entry.put("source", source);
    String dir =
        home == null ? DataLayout.unassignedQuarantine() : DataLayout.of(home).quarantine();
    logs.computeIfAbsent(dir, d -> new JsonLinesLog(dataDir.resolve(d), syncEachLine))
        .append(receivedAt, entry);
    count++;
  }

  /** Lines written since this log was opened. */
  public synchronized long count() {
    return count;
  }

  @Override
  public synchronized void close() throws IOException {
    IOException first = null;
    for (JsonLinesLog log : logs.values()) {
      try {
        log.close();
      } catch (IOException e) {
        if (first == null) first = e;
      }
    }
    if (first != null) throw first;
  }
}
