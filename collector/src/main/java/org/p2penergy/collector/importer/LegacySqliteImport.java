package org.p2penergy.collector.importer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.p2penergy.collector.store.DurableStore;
import org.p2penergy.collector.store.QuarantineLog;
import org.p2penergy.collector.store.StoreCounters;
import org.p2penergy.collector.stream.DuplicateFilter;
import org.p2penergy.collector.stream.EventIngest;
import org.p2penergy.collector.stream.EventParser;
import org.p2penergy.collector.stream.IngestCounters;
import org.p2penergy.home.config.DeviceHomes;

/**
 * Backfills the original project's SQLite {@code event} table through the collector's own rules
 * (the same parser, cloud-event filter, duplicate filter and quarantine) and its own writer (a
 * {@link DurableStore} on {@code DATA/spool/import}), so the files are exactly what {@code collect}
 * would have written.
 */
public final class LegacySqliteImport {
  private static final long PROGRESS_ROWS = 100_000;

  /** What an import did. */
  public record Summary(
      long rows,
      long readingsWritten,
      long duplicates,
      long cloudEvents,
      long noData,
      long quarantined,
      Map<String, Long> reasons,
      long files) {
    public String line() {
      return "import legacy-sqlite: "
          + rows
          + " rows read, "
          + readingsWritten
          + " readings written, "
          + duplicates
          + " duplicates dropped, "
          + cloudEvents
          + " cloud events and "
          + noData
          + " events without data skipped, "
          + quarantined
          + " quarantined "
          + reasons
          + ", "
          + files
          + " Parquet file(s)";
    }
  }

  private final Clock clock;
  private final PrintStream progress;
  private final int maxRowsPerFile;

  public LegacySqliteImport(Clock clock, PrintStream progress, int maxRowsPerFile) {
    this.clock = clock;
    this.progress = progress;
    this.maxRowsPerFile = maxRowsPerFile;
  }

  public Summary run(Path dataDir, String home, Path database) throws Exception {
    Instant receivedAt = clock.instant();
    IngestCounters counters = new IngestCounters();
    long[] rows = {0};
    long[] currentId = {0};
    try (LegacySqliteRows table = LegacySqliteRows.open(database);
        DurableStore store = DurableStore.forImport(dataDir, home, maxRowsPerFile, clock);
        QuarantineLog quarantine = new QuarantineLog(dataDir, clock, false)) {
      long total = table.count();
      progress.printf("import legacy-sqlite: %s: %d rows%n", database, total);
      EventIngest ingest =
          new EventIngest(
              new EventParser(),
              // Rows come sorted by (coreid, name, published_at): copies are neighbours, so even a
              // small window catches every one.
              new DuplicateFilter(DuplicateFilter.DEFAULT_CAPACITY),
              store,
              (h, at, reason, event, raw) ->
                  quarantine.add(h, at, reason, event, raw, database + ":id=" + currentId[0]),
              counters,
              DeviceHomes.single(home));
      LegacySqliteEvents events = new LegacySqliteEvents(new EventParser());
      table.forEach(
          row -> {
            currentId[0] = row.id();
            ingest.handle(
                events.parse(row, receivedAt), row.name(), LegacySqliteEvents.raw(row), receivedAt);
            if (++rows[0] % PROGRESS_ROWS == 0) {
              progress.printf("import legacy-sqlite: %d of %d rows%n", rows[0], total);
            }
          });
      store.close(); // rolls: the counters below include the last files
      StoreCounters c = store.counters();
      return new Summary(
          rows[0],
          c.rowsWritten(),
          counters.duplicates() + c.duplicatesDropped(),
          counters.cloudEvents(),
          counters.noDataEvents(),
          counters.quarantined(),
          counters.quarantineReasons(),
          c.filesWritten());
    }
  }
}
