package org.p2penergy.collector.store;

/** The store's running counters; guarded by the store's lock. */
final class StoreStats {
  long accepted;
  long synced;
  long filesWritten;
  long rowsWritten;
  long duplicatesDropped;
  long recoveredSegments;
  long discardedSpoolBytes;
  String lastProblem;
  long refused;
  long unstored;

  void converted(SegmentConverter.Result r) {
    filesWritten += r.files().size();
    rowsWritten += r.rows();
    duplicatesDropped += r.duplicates();
    discardedSpoolBytes += r.discardedBytes();
  }

  StoreCounters snapshot(long spoolBytes, int pendingSegments, Unwritable unwritable) {
    return new StoreCounters(
        accepted,
        synced,
        spoolBytes,
        pendingSegments,
        filesWritten,
        rowsWritten,
        duplicatesDropped,
        recoveredSegments,
        discardedSpoolBytes,
        lastProblem,
        refused,
        unstored,
        unwritable == null ? null : unwritable.reason(),
        unwritable == null ? null : unwritable.since());
  }
}
