package org.p2penergy.collector.stream;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.p2penergy.collector.store.DurableStore;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.collector.store.OutageLog;
import org.p2penergy.collector.store.QuarantineLog;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingSink;
import org.p2penergy.collector.store.StoreListener;

/**
 * Opens what a collector run writes to: the durable store (recovering leftover spool first), the
 * quarantine and the outage log, and closes them in that order at the end.
 */
final class StoreWiring {
  private StoreWiring() {}

  static Collector.Sinks open(CollectSettings settings, Clock clock, PrintStream out)
      throws IOException {
    return open(settings, clock, out, IoFaults.NONE);
  }

  /** With a test seam that acts out a full disk. */
  static Collector.Sinks open(
      CollectSettings settings, Clock clock, PrintStream out, IoFaults faults) throws IOException {
    return open(settings, clock, out, faults, file -> {});
  }

  /**
   * @param landed told of every Parquet file the store publishes (the uploader); must be quick
   */
  static Collector.Sinks open(
      CollectSettings settings,
      Clock clock,
      PrintStream out,
      IoFaults faults,
      java.util.function.Consumer<Path> landed)
      throws IOException {
    Path data = settings.dataDir();
    SyncTrace[] trace = {null};
    DurableStore[] opened = {null};
    StoreHealth health =
        new StoreHealth(
            () -> opened[0] == null ? 0 : opened[0].counters().spoolBytes(),
            () -> opened[0] == null ? 0 : opened[0].counters().lost(),
            out);
    StoreListener listener =
        new StoreListener() {
          @Override
          public void synced(long durableReadings) {
            health.synced(durableReadings);
            SyncTrace t = trace[0];
            if (t != null) {
              t.synced(durableReadings);
            }
          }

          @Override
          public void unwritable(Instant since, String reason, String detail) {
            health.unwritable(since, reason, detail);
          }

          @Override
          public void writable(Instant since, Instant until, String reason, long refused) {
            health.writable(since, until, reason, refused);
          }

          @Override
          public void fileWritten(Path file, long rows) {
            out.println("collect: wrote " + rows + " readings to " + data.relativize(file));
            landed.accept(file);
          }

          private String last;
          private long lastAt;
          private long repeats;

          /** The same problem again (a full disk retried every tick) is printed once a minute. */
          @Override
          public synchronized void problem(String message) {
            long now = System.nanoTime();
            if (message.equals(last) && now - lastAt < 60_000_000_000L) {
              repeats++;
              return;
            }
            out.println(
                "collect: store: "
                    + message
                    + (repeats > 0 ? " (" + repeats + " more times before)" : ""));
            last = message;
            lastAt = now;
            repeats = 0;
          }
        };
    DurableStore store =
        DurableStore.builder(data)
            .settings(settings.store())
            .clock(clock)
            .listener(listener)
            .faults(faults)
            .homes(settings.deviceHomes())
            .open();
    opened[0] = store;
    QuarantineLog quarantine = new QuarantineLog(data, clock, settings.store().fsyncInterval());
    OutageLog outages = new OutageLog(data, settings.homes());
    ReadingSink readings = store;
    if (settings.traceSync()) {
      trace[0] = new SyncTrace(store, out);
      readings = trace[0];
    }
    ReadingSink first = readings;
    ReadingSink all =
        new ReadingSink() {
          @Override
          public void accept(Reading reading) throws IOException {
            first.accept(reading);
          }

          @Override
          public void close() throws IOException {
            try {
              first.close();
            } finally {
              try {
                quarantine.close();
              } finally {
                outages.close();
              }
            }
          }
        };
    return new Collector.Sinks(
        all,
        (home, at, reason, event, raw) -> quarantine.add(home, at, reason, event, raw, null),
        outages::add,
        health);
  }
}
