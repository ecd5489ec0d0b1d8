package org.p2penergy.collector.store;

/**
 * A snapshot of the store's counters since it was opened.
 *
 * @param accepted readings appended to the spool
 * @param synced of those, readings on disk after the last group fsync
 * @param spoolBytes bytes in spool segments not yet turned into Parquet
 * @param pendingSegments sealed segments waiting to be converted (more than 0 after a failed roll)
 * @param filesWritten Parquet files published
 * @param rowsWritten rows in those files
 * @param duplicatesDropped repeated (device, event, ts) dropped while rolling
 * @param recoveredSegments leftover segments found and rolled when the store was opened
 * @param discardedSpoolBytes bytes of torn or corrupt spool tails skipped during recovery
 * @param lastProblem the last error message, or null
 * @param refused readings refused because the spool could not be written (disk full)
 * @param unstored readings accepted but never made durable: the spool buffer a close on a full disk
 *     could not write
 * @param unwritableReason why the spool cannot be written now ({@code disk full}), or null
 * @param unwritableSince since when, or null
 */
public record StoreCounters(
    long accepted,
    long synced,
    long spoolBytes,
    int pendingSegments,
    long filesWritten,
    long rowsWritten,
    long duplicatesDropped,
    long recoveredSegments,
    long discardedSpoolBytes,
    String lastProblem,
    long refused,
    long unstored,
    String unwritableReason,
    java.time.Instant unwritableSince) {

  /** Readings offered to the store that will never reach Parquet: refused plus unstored. */
  public long lost() {
    return refused + unstored;
  }
}
