package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2penergy.home.layout.DataLayout;

/**
 * When the stream was down, so analytics can tell "no data" from "appliance off": {@code
 * DATA/outages/home=H/YYYY-MM-DD.jsonl} (UTC date of {@code start}), one JSON object a line with
 * {@code start}, {@code end} (ISO-8601 UTC) and {@code reason}; each line fsynced. A collector on a
 * community's stream writes each outage to every home it serves: they all lost the same data.
 */
public final class OutageLog implements AutoCloseable {
  private final List<JsonLinesLog> logs = new ArrayList<>();
  private long count;

  public OutageLog(Path dataDir, List<String> homes) {
    for (String home : homes) {
      logs.add(new JsonLinesLog(dataDir.resolve(DataLayout.of(home).outages()), true));
    }
  }

  public synchronized void add(Instant start, Instant end, String reason) throws IOException {
    if (end.isBefore(start)) throw new IllegalArgumentException("outage ends before it starts");
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("start", start.toString());
    entry.put("end", end.toString());
    entry.put("reason", reason);
    for (JsonLinesLog log : logs) {
      log.append(start, entry);
    }
    count++;
  }

  /** Outages recorded since this log was opened. */
  public synchronized long count() {
    return count;
  }

  @Override
  public synchronized void close() throws IOException {
    for (JsonLinesLog log : logs) {
      log.close();
    }
  }
}
