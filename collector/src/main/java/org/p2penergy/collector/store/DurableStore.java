package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.p2penergy.home.config.CollectorSettings;
import org.p2penergy.home.config.DeviceHomes;
import org.p2penergy.home.layout.DataLayout;

/**
 * The collector's durable {@link ReadingSink}: each reading is appended to the write-ahead spool
 * ({@code DATA/spool/}), fsynced in groups every {@code fsyncInterval} (0 = every reading), and at
 * each roll ({@code roll}, aligned to the UTC clock, or {@code maxRowsPerFile} readings) the
 * segment becomes {@code DATA/readings/home=H/date=D/part-*.parquet} and is deleted. Opening the
 * store first rolls what an earlier run left behind. A failed roll (disk full) keeps the segment
 * and is retried; see {@link StoreCounters} and {@link StoreListener} for what it reports.
 */
public final class DurableStore implements ReadingSink {
  private static final Duration RETRY = Duration.ofSeconds(10);

  private final CollectorSettings settings;
  private final Clock clock;
  private final StoreListener listener;
  private final Spool spool;
  private final SpoolLock lock;
  private final SegmentConverter converter;
  private final StoreThreads threads; // null when the caller drives tick()
  private final Object convertLock = new Object();
  private final StoreStats stats = new StoreStats();
  private Instant lastSync;
  private volatile Instant retryAt = Instant.MIN;
  private boolean closed;

  DurableStore(StoreBuilder b) throws IOException {
    this.settings = b.settings;
    this.clock = b.clock;
    this.listener = b.listener;
    Path readings = b.dataDir.resolve(DataLayout.READINGS);
    try {
      Files.createDirectories(readings);
      Files.createDirectories(b.spoolDir);
    } catch (IOException e) {
      throw Disk.describe("cannot create " + b.spoolDir + " and " + readings, e);
    }
    this.lock = SpoolLock.acquire(b.spoolDir);
    this.spool = new Spool(b.spoolDir, clock, b.faults);
    this.converter = new SegmentConverter(b.dataDir, b.homes, b.options, b.faults);
    this.lastSync = clock.instant();
    try {
      stats.recoveredSegments = spool.adoptLeftovers().size();
    } catch (IOException e) {
      lock.close();
      throw Disk.describe("cannot list " + b.spoolDir, e);
    }
    convertQuietly(); // a failure is reported and retried; collecting can start anyway
    this.threads =
        b.background
            ? new StoreThreads(settings.fsyncInterval(), this::tickSpool, this::convertQuietly)
            : null;
  }

  /** A store with a background thread for group fsync and rolls: what {@code collect} uses. */
  public static DurableStore open(Path dataDir, CollectorSettings settings, Clock clock)
      throws IOException {
    return builder(dataDir).settings(settings).clock(clock).open();
  }

  /**
   * A store for a bulk import: its own spool ({@code DATA/spool/import}, so an import can run
   * beside a live collector), no timed fsync or roll: it fsyncs once per roll, every {@code
   * maxRowsPerFile} rows, and at {@link #close()}.
   */
  public static DurableStore forImport(Path dataDir, String home, int maxRowsPerFile, Clock clock)
      throws IOException {
    Duration never = Duration.ofDays(365L * 100);
    return builder(dataDir)
        .spoolDir(dataDir.resolve(DataLayout.importSpool()))
        .homes(DeviceHomes.single(home))
        .settings(
            new CollectorSettings(
                never, never, maxRowsPerFile, CollectorSettings.DEFAULT_READ_TIMEOUT))
        .clock(clock)
        .background(false)
        .open();
  }

  public static StoreBuilder builder(Path dataDir) {
    return new StoreBuilder(dataDir);
  }

  /**
   * Appends to the spool. Durable after the next group fsync ({@link StoreListener#synced}).
   *
   * @throws IOException naming the spool file if it cannot be written (disk full); the reading is
   *     then not stored
   */
  @Override
  public void accept(Reading reading) throws IOException {
    Objects.requireNonNull(reading.deviceId(), "deviceId");
    Objects.requireNonNull(reading.event(), "event");
    Objects.requireNonNull(reading.ts(), "ts");
    Objects.requireNonNull(reading.receivedAt(), "receivedAt");
    boolean full;
    synchronized (this) {
      if (closed) throw new IOException("the store is closed");
      try {
        spool.append(reading);
      } catch (IOException e) {
        spool.sealBroken();
        throw problem(e);
      }
      stats.accepted++;
      if (settings.fsyncInterval().isZero()) syncLocked();
      full = spool.openRows() >= settings.maxRowsPerFile();
      if (full) sealLocked();
    }
    if (full) {
      if (threads != null) threads.queueRoll();
      else convertPending();
    }
  }

  /** Group fsync now. */
  public synchronized void sync() throws IOException {
    syncLocked();
  }

  /**
   * What the background thread does every tick; call it yourself when the store was built without
   * one: fsync if {@code fsyncInterval} has passed, roll if the roll time has come, retry a failed
   * roll.
   */
  public void tick() {
    if (tickSpool()) convertQuietly();
  }

  /** Group fsync and seal if due; true if sealed segments wait for conversion. */
  private boolean tickSpool() {
    Instant now = clock.instant();
    synchronized (this) {
      if (closed) return false;
      try {
        if (!now.isBefore(lastSync.plus(settings.fsyncInterval()))) syncLocked();
        Instant opened = spool.openedAt();
        if (opened != null && !now.isBefore(rollDue(opened))) sealLocked();
      } catch (IOException e) {
        return false; // reported by problem(); the next tick tries again
      }
      return !spool.sealed().isEmpty() && !now.isBefore(retryAt);
    }
  }

  /**
   * Rolls now: seals the open segment and turns every sealed segment into Parquet.
   *
   * @throws IOException naming the file if a segment could not be converted (it is kept)
   */
  public void roll() throws IOException {
    synchronized (this) {
      sealLocked();
    }
    convertPending();
  }

  /** Stops the background thread, fsyncs, rolls and releases the spool. */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    if (threads != null) threads.stop();
    try {
      synchronized (this) {
        sealLocked();
      }
      convertPending();
    } finally {
      synchronized (this) {
        spool.close();
      }
      lock.close();
    }
  }

  public synchronized StoreCounters counters() {
    return stats.snapshot(spool.bytes(), spool.sealed().size());
  }

  private Instant rollDue(Instant opened) {
    long period = Math.max(1, settings.roll().toMillis());
    long start = opened.toEpochMilli();
    return Instant.ofEpochMilli(Math.floorDiv(start, period) * period + period);
  }

  private void syncLocked() throws IOException {
    lastSync = clock.instant();
    long n;
    try {
      n = spool.sync();
    } catch (IOException e) {
      throw problem(e);
    }
    durable(n);
  }

  private void sealLocked() throws IOException {
    long n;
    try {
      n = spool.seal();
    } catch (IOException e) {
      throw problem(e);
    }
    durable(n);
  }

  private void durable(long n) {
    if (n == 0) return;
    stats.synced += n;
    listener.synced(stats.synced);
  }

  private void convertQuietly() {
    try {
      convertPending();
    } catch (IOException e) {
      // Reported through problem() and counters; retried by the next tick.
    }
  }

  private void convertPending() throws IOException {
    synchronized (convertLock) {
      List<Path> todo;
      synchronized (this) {
        todo = spool.sealed();
      }
      for (Path segment : todo) {
        SegmentConverter.Result r;
        try {
          r = converter.convert(segment);
        } catch (IOException | RuntimeException e) {
          synchronized (this) {
            retryAt = clock.instant().plus(RETRY);
          }
          throw problem(
              Disk.describe("roll of " + segment.getFileName() + " failed, segment kept", e));
        }
        if (r.problem() != null) listener.problem(r.problem());
        synchronized (this) {
          spool.converted(segment);
          stats.converted(r);
        }
        for (SegmentConverter.Written f : r.files()) listener.fileWritten(f.file(), f.rows());
      }
    }
  }

  private synchronized IOException problem(IOException e) {
    stats.lastProblem = e.getMessage();
    listener.problem(e.getMessage());
    return e;
  }
}
