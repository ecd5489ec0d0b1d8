package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When the stream was down, so analytics can tell "no data" from "appliance off": {@code
 * DATA/outages/YYYY-MM-DD.jsonl} (UTC date of {@code start}), one JSON object a line with {@code
 * start}, {@code end} (ISO-8601 UTC) and {@code reason}; each line fsynced.
 */
public final class OutageLog implements AutoCloseable {
  private final JsonLinesLog log;

  public OutageLog(Path dataDir) {
    this.log = new JsonLinesLog(dataDir.resolve("outages"), true);
  }

  public void add(Instant start, Instant end, String reason) throws IOException {
    if (end.isBefore(start)) throw new IllegalArgumentException("outage ends before it starts");
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("start", start.toString());
    entry.put("end", end.toString());
    entry.put("reason", reason);
    log.append(start, entry);
  }

  public long count() {
    return log.lines();
  }

  @Override
  public void close() throws IOException {
    log.close();
  }
}
