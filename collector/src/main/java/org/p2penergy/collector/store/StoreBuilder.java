package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.p2penergy.home.config.CollectorSettings;
import org.p2penergy.home.config.DeviceHomes;
import org.p2penergy.home.config.Home;
import org.p2penergy.home.layout.DataLayout;

/**
 * Options of a {@link DurableStore}; {@link DurableStore#open} covers the collector. Tests and the
 * importer turn the background thread off and drive {@link DurableStore#tick()} themselves.
 */
public final class StoreBuilder {
  final Path dataDir;
  Path spoolDir;
  CollectorSettings settings = CollectorSettings.defaults();
  Clock clock = Clock.systemUTC();
  StoreListener listener = StoreListener.NONE;
  ParquetOptions options = ParquetOptions.DEFAULT;
  IoFaults faults = IoFaults.NONE;
  boolean background = true;
  DeviceHomes homes = DeviceHomes.single(Home.DEFAULT_ID);

  StoreBuilder(Path dataDir) {
    this.dataDir = dataDir;
    this.spoolDir = dataDir.resolve(DataLayout.spool());
  }

  /** Which home's folder each device's readings go to (default: all to the default home). */
  public StoreBuilder homes(DeviceHomes h) {
    this.homes = h;
    return this;
  }

  /** Where the write-ahead segments go (default {@code DATA/spool}); one store per directory. */
  public StoreBuilder spoolDir(Path dir) {
    this.spoolDir = dir;
    return this;
  }

  public StoreBuilder settings(CollectorSettings s) {
    this.settings = s;
    return this;
  }

  public StoreBuilder clock(Clock c) {
    this.clock = c;
    return this;
  }

  public StoreBuilder listener(StoreListener l) {
    this.listener = l;
    return this;
  }

  public StoreBuilder parquetOptions(ParquetOptions o) {
    this.options = o;
    return this;
  }

  /** Test seam: called before every write to a spool or Parquet file. */
  public StoreBuilder faults(IoFaults f) {
    this.faults = f;
    return this;
  }

  /** Whether a daemon thread does group fsync and rolls (default true). */
  public StoreBuilder background(boolean on) {
    this.background = on;
    return this;
  }

  /**
   * Opens the store, first rolling segments an earlier run left behind.
   *
   * @throws IOException naming the directory if it cannot be created or is in use by another store
   */
  public DurableStore open() throws IOException {
    return new DurableStore(this);
  }
}
