package org.p2penergy.collector.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.p2penergy.collector.store.DurableStore;
import org.p2penergy.collector.store.QuarantineLog;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.StoreCounters;
import org.p2penergy.home.readings.PhysicalRange;

/**
 * Imports CSV traces for one device through the collector's own {@link DurableStore} (its own
 * spool, {@code DATA/spool/import}), so the files are written exactly as the collector writes them.
 * Bad rows go to the quarantine with {@code path:line}; they are counted, never fatal. A value
 * outside {@link PhysicalRange} is one of them, with the reason the stream and the legacy import
 * give it.
 */
public final class CsvImport {
  private static final long PROGRESS_ROWS = 200_000;

  /** What an import did; {@code reasons}: the quarantine count of each reason. */
  public record Summary(
      int inputs,
      long rowsRead,
      long readingsWritten,
      long duplicates,
      long quarantined,
      long files,
      Map<String, Long> reasons) {
    public String line() {
      return String.format(
          "import csv: %d file(s), %d rows read, %d readings written (%d duplicates dropped),"
              + " %d quarantined, %d Parquet file(s)",
          inputs, rowsRead, readingsWritten, duplicates, quarantined, files);
    }

    /** The reason most rows were quarantined for, or null if none was. */
    public String mainReason() {
      return reasons.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .orElse(null);
    }
  }

  private final CsvTraceFormat format;
  private final String home;
  private final String deviceId;
  private final String event;
  private final Clock clock;
  private final PrintStream progress;
  private final int maxRowsPerFile;

  public CsvImport(
      CsvTraceFormat format,
      String home,
      String deviceId,
      String event,
      Clock clock,
      PrintStream progress,
      int maxRowsPerFile) {
    this.format = format;
    this.home = home;
    this.deviceId = deviceId;
    this.event = event;
    this.clock = clock;
    this.progress = progress;
    this.maxRowsPerFile = maxRowsPerFile;
  }

  /**
   * @throws IOException naming the path if the data directory cannot be written
   * @throws IllegalArgumentException if a named column is not in a file's header
   */
  public Summary run(Path dataDir, List<Path> files) throws IOException {
    Instant receivedAt = clock.instant();
    long[] rows = {0};
    Map<String, Long> reasons = new TreeMap<>();
    try (DurableStore store = DurableStore.forImport(dataDir, home, maxRowsPerFile, clock);
        QuarantineLog quarantine = new QuarantineLog(dataDir, clock, false)) {
      for (Path file : files) {
        long before = rows[0];
        new CsvTraceReader(format)
            .read(
                file,
                new CsvTraceReader.Listener() {
                  @Override
                  public void point(long line, String raw, TracePoint p) {
                    count(file);
                    if (!PhysicalRange.contains(p.value())) {
                      quarantine(line, raw, PhysicalRange.OUT_OF_RANGE);
                      return;
                    }
                    try {
                      store.accept(new Reading(deviceId, event, p.ts(), receivedAt, p.value()));
                    } catch (IllegalArgumentException e) { // e.g. a time beyond year 294 000
                      quarantine(line, raw, e.getMessage());
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }

                  @Override
                  public void bad(long line, String raw, String reason) {
                    count(file);
                    quarantine(line, raw, reason);
                  }

                  private void quarantine(long line, String raw, String reason) {
                    // "bad value: '1,5' is not a number" counts under "bad value"
                    reasons.merge(reason.replaceFirst(":.*", ""), 1L, Long::sum);
                    try {
                      quarantine.add(home, receivedAt, reason, event, raw, file + ":" + line);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }

                  private void count(Path f) {
                    if (++rows[0] % PROGRESS_ROWS == 0) {
                      progress.printf("import csv: %s: %d rows so far%n", f, rows[0]);
                    }
                  }
                });
        progress.printf("import csv: %s: %d rows%n", file, rows[0] - before);
      }
      store.close(); // rolls: the counters below include the last files
      StoreCounters c = store.counters();
      return new Summary(
          files.size(),
          rows[0],
          c.rowsWritten(),
          c.duplicatesDropped(),
          quarantine.count(),
          c.filesWritten(),
          reasons);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
