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
    String lastProblem) {}
