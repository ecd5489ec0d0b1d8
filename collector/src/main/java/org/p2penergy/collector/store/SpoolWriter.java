package org.p2penergy.collector.store;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.p2penergy.home.config.CollectorSettings;

/**
 * The write side of the spool and its accounting: appends, group fsync, sealing, and what is
 * durable ({@link StoreListener#synced}) or refused. When a write fails (disk full) it turns {@link
 * Unwritable}: every reading is refused at once, without touching the disk and without buffering
 * more, and each {@link #tick} retries until a write and fsync succeed. Not thread-safe: {@link
 * DurableStore} calls it with its lock held.
 */
final class SpoolWriter {
  private final Spool spool;
  private final CollectorSettings settings;
  private final Clock clock;
  private final StoreListener listener;
  private final StoreStats stats;
  private Instant lastSync;
  private Unwritable unwritable; // null while the spool can be written

  SpoolWriter(
      Spool spool,
      CollectorSettings settings,
      Clock clock,
      StoreListener listener,
      StoreStats stats) {
    this.spool = spool;
    this.settings = settings;
    this.clock = clock;
    this.listener = listener;
    this.stats = stats;
    this.lastSync = clock.instant();
  }

  /**
   * Appends a reading; true if the open segment is now full and was sealed.
   *
   * @throws StoreRefusedException while the spool cannot be written; the reading is not stored
   */
  boolean append(Reading reading) throws StoreRefusedException {
    if (unwritable != null) {
      stats.refused++;
      throw unwritable.refusal();
    }
    try {
      spool.append(reading);
    } catch (IOException e) {
      Unwritable now = becameUnwritable(e);
      stats.refused++; // after: the period's own count includes this first refusal
      throw now.refusal();
    }
    stats.accepted++;
    try {
      if (settings.fsyncInterval().isZero()) sync();
      if (spool.openRows() < settings.maxRowsPerFile()) return false;
      seal();
      return true;
    } catch (IOException e) {
      return false; // the reading waits in the buffer; unwritable now, a tick retries
    }
  }

  /** Group fsync and seal when due, or the retry while unwritable. */
  void tick(Instant now) {
    if (unwritable != null) {
      retry(now);
      return;
    }
    try {
      if (!now.isBefore(lastSync.plus(settings.fsyncInterval()))) sync();
      Instant opened = spool.openedAt();
      if (opened != null && !now.isBefore(rollDue(opened))) seal();
    } catch (IOException e) {
      // unwritable now: the next tick retries
    }
  }

  /** Writes and fsyncs the open segment. */
  void sync() throws IOException {
    lastSync = clock.instant();
    try {
      durable(spool.sync());
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Writes, fsyncs and seals the open segment (queued for conversion). */
  void seal() throws IOException {
    try {
      durable(spool.seal());
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /**
   * The last step of a close: seal, and if the disk is still full, seal the segment as it is. What
   * is durable stays in it for the next start; the buffer that cannot be written is counted as
   * unstored. Returns the error, or null if the segment was sealed whole.
   */
  IOException sealForClose() throws IOException {
    if (unwritable != null) retry(clock.instant());
    try {
      seal();
      return null;
    } catch (IOException e) {
      stats.unstored += spool.sealAsIs();
      return e;
    }
  }

  Unwritable unwritable() {
    return unwritable;
  }

  /**
   * While unwritable: write and fsync the open segment (a fresh one if it broke). What the buffer
   * held becomes durable then, and readings are taken again.
   */
  private void retry(Instant now) {
    try {
      stats.unstored += spool.sealBroken();
      spool.ensureOpen();
      lastSync = now;
      durable(spool.sync());
    } catch (IOException e) {
      durable(syncWrittenQuietly());
      return;
    }
    Unwritable was = unwritable;
    unwritable = null;
    listener.writable(was.since(), now, was.reason(), stats.refused - was.refusedBefore());
  }

  /** After a failed write: what reached the file before it still becomes durable, if it can. */
  private IOException failed(IOException e) {
    durable(syncWrittenQuietly());
    becameUnwritable(e);
    return e;
  }

  private long syncWrittenQuietly() {
    try {
      return spool.syncWritten();
    } catch (IOException e) {
      return 0;
    }
  }

  private Unwritable becameUnwritable(IOException e) {
    if (unwritable == null) {
      unwritable =
          new Unwritable(
              clock.instant(), StoreRefusedException.reasonOf(e), e.getMessage(), stats.refused);
      stats.lastProblem = e.getMessage();
      listener.unwritable(unwritable.since(), unwritable.reason(), e.getMessage());
    }
    return unwritable;
  }

  private void durable(long n) {
    if (n == 0) return;
    stats.synced += n;
    listener.synced(stats.synced);
  }

  private Instant rollDue(Instant opened) {
    long period = Math.max(1, settings.roll().toMillis());
    long start = opened.toEpochMilli();
    return Instant.ofEpochMilli(Math.floorDiv(start, period) * period + period);
  }
}
