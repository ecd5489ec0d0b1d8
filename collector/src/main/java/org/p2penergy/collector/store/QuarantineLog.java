package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private final ScheduledExecutorService syncer;
  private long count;

  /**
   * The collector's log: each line reaches the OS at once (it survives a {@code kill -9}), and what
   * was written is fsynced every {@code groupSync}, like the spool; zero fsyncs every line. Not
   * every line: a stray device on a product stream sends a reading a second, and an fsync per line
   * held the collector to about 30 events a second.
   */
  public QuarantineLog(Path dataDir, Clock clock, Duration groupSync) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.syncEachLine = groupSync.isZero();
    if (syncEachLine) {
      this.syncer = null;
    } else {
      this.syncer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "quarantine-sync");
                t.setDaemon(true);
                return t;
              });
      long millis = Math.max(1, groupSync.toMillis());
      syncer.scheduleWithFixedDelay(this::syncQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * @param syncEachLine false for bulk imports, which fsync once on {@link #close()}
   */
  public QuarantineLog(Path dataDir, Clock clock, boolean syncEachLine) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.syncEachLine = syncEachLine;
    this.syncer = null;
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

  private void syncQuietly() {
    List<JsonLinesLog> open;
    synchronized (this) {
      open = List.copyOf(logs.values()); // not holding this lock while the disk syncs
    }
    for (JsonLinesLog log : open) {
      try {
        log.sync();
      } catch (IOException e) {
        // The line is in the OS already; close() fsyncs again and reports a failing disk.
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (syncer != null) syncer.shutdownNow();
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
