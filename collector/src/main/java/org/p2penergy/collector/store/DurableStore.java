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
 *
 * <p>A reading counts once it is durable ({@link StoreListener#synced}), never on {@link #accept}.
 * When the spool cannot be written (disk full) the store refuses every reading at once ({@link
 * StoreRefusedException}, counted) instead of buffering more, retries every tick, and takes
 * readings again as soon as a write and fsync succeed ({@link SpoolWriter}).
 */
public final class DurableStore implements ReadingSink {
  private static final Duration RETRY = Duration.ofSeconds(10);

  private final Clock clock;
  private final StoreListener listener;
  private final Spool spool;
  private final SpoolWriter writer;
  private final SpoolLock lock;
  private final SegmentConverter converter;
  private final StoreThreads threads; // null when the caller drives tick()
  private final Object convertLock = new Object();
  private final StoreStats stats = new StoreStats();
  private volatile Instant retryAt = Instant.MIN;
  private boolean closed;

  DurableStore(StoreBuilder b) throws IOException {
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
    this.writer = new SpoolWriter(spool, b.settings, clock, listener, stats);
    this.converter = new SegmentConverter(b.dataDir, b.homes, b.options, b.faults);
    try {
      stats.recoveredSegments = spool.adoptLeftovers().size();
    } catch (IOException e) {
      lock.close();
      throw Disk.describe("cannot list " + b.spoolDir, e);
    }
    convertQuietly(); // a failure is reported and retried; collecting can start anyway
    this.threads =
        b.background
            ? new StoreThreads(b.settings.fsyncInterval(), this::tickSpool, this::convertQuietly)
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
   * @throws StoreRefusedException at once while the spool cannot be written (disk full); the
   *     reading is then not stored and is counted as refused
   * @throws IOException if the store is closed
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
      full = writer.append(reading);
    }
    if (full) {
      if (threads != null) threads.queueRoll();
      else convertPending();
    }
  }

  /** Group fsync now. */
  public synchronized void sync() throws IOException {
    writer.sync();
  }

  /**
   * What the background thread does every tick; call it yourself when the store was built without
   * one: fsync if {@code fsyncInterval} has passed, roll if the roll time has come, retry a failed
   * roll.
   */
  public void tick() {
    if (tickSpool()) convertQuietly();
  }

  /** Group fsync and seal if due (or the retry of an unwritable spool); true if a roll waits. */
  private boolean tickSpool() {
    Instant now = clock.instant();
    synchronized (this) {
      if (closed) return false;
      writer.tick(now);
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
      writer.seal();
    }
    convertPending();
  }

  /**
   * Stops the background thread, fsyncs, rolls and releases the spool. On a disk that is still full
   * it does not wait: what is durable stays in the spool for the next start, the buffer that cannot
   * be written is counted as {@link StoreCounters#unstored()}, and the error is thrown after the
   * spool is released.
   *
   * @throws IOException naming the file if the spool could not be written or a segment could not be
   *     rolled (it is kept and rolled by the next start)
   */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    if (threads != null) threads.stop();
    IOException failure = null;
    try {
      synchronized (this) {
        failure = writer.sealForClose();
      }
      try {
        convertPending();
      } catch (IOException e) {
        if (failure == null) failure = e;
      }
    } finally {
      synchronized (this) {
        spool.close();
      }
      lock.close();
    }
    if (failure != null) throw failure;
  }

  public synchronized StoreCounters counters() {
    return stats.snapshot(spool.bytes(), spool.sealed().size(), writer.unwritable());
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
