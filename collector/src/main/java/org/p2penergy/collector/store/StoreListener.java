package org.p2penergy.collector.store;

import java.nio.file.Path;

/**
 * What the store tells its owner as it works. Called on the thread that did the work (the caller's
 * or the store's background thread), sometimes while the store is locked: keep it quick.
 */
public interface StoreListener {
  StoreListener NONE = new StoreListener() {};

  /**
   * A group fsync finished: the first {@code durableReadings} readings accepted since {@link
   * DurableStore} was opened are on disk and will reach Parquet even after a crash.
   */
  default void synced(long durableReadings) {}

  /** A Parquet file was published (renamed into place). */
  default void fileWritten(Path file, long rows) {}

  /**
   * Something went wrong but the store carries on (torn spool tail, a roll that will be retried).
   */
  default void problem(String message) {}
}
