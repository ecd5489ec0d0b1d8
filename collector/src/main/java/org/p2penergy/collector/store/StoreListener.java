package org.p2penergy.collector.store;

import java.nio.file.Path;
import java.time.Instant;

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
   * The spool cannot be written ({@code reason}: {@link StoreRefusedException#DISK_FULL} or {@link
   * StoreRefusedException#NOT_WRITABLE}; {@code detail}: the error naming the file): from now on
   * the store refuses readings at once and retries every tick. By default reported as a {@link
   * #problem}.
   */
  default void unwritable(Instant since, String reason, String detail) {
    problem(detail);
  }

  /**
   * A retry wrote and fsynced the spool: readings are taken again. {@code refused} readings were
   * turned away in [{@code since}, {@code until}).
   */
  default void writable(Instant since, Instant until, String reason, long refused) {}

  /**
   * Something went wrong but the store carries on (torn spool tail, a roll that will be retried).
   */
  default void problem(String message) {}
}
