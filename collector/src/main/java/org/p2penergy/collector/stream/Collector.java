package org.p2penergy.collector.stream;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.p2penergy.collector.store.ReadingSink;
import org.p2penergy.home.cli.UserException;

/**
 * The collector daemon: one stream loop feeding the ingest, a status line and heartbeat on a timer,
 * and an orderly end (stop reading, close the store so it flushes and rolls, close the outage).
 */
public final class Collector {
  /** Exit code when the cloud refuses the token: systemd must not restart and hammer the cloud. */
  public static final int AUTH_FAILED = 3;

  /** Where the data goes; the durable store in production. */
  public record Sinks(
      ReadingSink readings, Quarantine quarantine, OutageSink outages, LongSupplier spoolBytes) {}

  private final CollectSettings settings;
  private final String token;
  private final Sinks sinks;
  private final Clock clock;
  private final PrintStream out;
  private final StopSignal stop = new StopSignal();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final IngestCounters counters = new IngestCounters();
  private volatile StreamLoop loop;
  private volatile Map<String, String> deviceNames = Map.of();
  private volatile java.util.function.Supplier<String> statusTail = () -> "";

  public Collector(
      CollectSettings settings, String token, Sinks sinks, Clock clock, PrintStream out) {
    this.settings = settings;
    this.token = token;
    this.sinks = sinks;
    this.clock = clock;
    this.out = out;
  }

  /** Runs until stopped; 0 after a stop, or throws a {@link UserException} with exit code 3. */
  public int run() throws IOException {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "collect-status");
              t.setDaemon(true);
              return t;
            });
    OutageTracker outages =
        new OutageTracker(sinks.outages(), new Heartbeat(settings.dataDir()), clock.instant());
    EventIngest ingest =
        new EventIngest(
            new EventParser(),
            new DuplicateFilter(DuplicateFilter.DEFAULT_CAPACITY),
            sinks.readings(),
            sinks.quarantine(),
            counters,
            settings.deviceHomes());
    try (ParticleConnector connector =
        new ParticleConnector(settings.streamUrl(), token, settings.store().readTimeout())) {
      StoreErrors storeErrors = new StoreErrors(out);
      StreamEventHandler handler =
          new StreamEventHandler() {
            @Override
            public void onEvent(String name, String data, java.time.Instant receivedAt) {
              try {
                ingest.onEvent(name, data, receivedAt);
              } catch (IOException | RuntimeException e) {
                storeErrors.failed(e);
              }
            }

            @Override
            public void onFirstConnect() {
              timer.execute(() -> deviceNames = DeviceDirectory.fetch(connector, out));
            }
          };
      loop =
          new StreamLoop(
              connector,
              handler,
              outages,
              new Backoff(Backoff.DEFAULT_BASE, Backoff.DEFAULT_MAX, new Random()),
              OpenRateLimiter.particleDefault(),
              clock,
              stop,
              out);
      scheduleStatus(timer, outages);
      out.println(
          "collect: streaming "
              + StreamUrls.redacted(settings.streamUrl())
              + " into "
              + settings.dataDir());
      try {
        loop.run();
      } catch (AuthRejectedException e) {
        throw new UserException(
            "the Particle Cloud refused the access token (HTTP "
                + e.status()
                + (e.status() == 401 ? " Unauthorized" : " Forbidden")
                + "); check the token in "
                + settings.tokenSource(),
            AUTH_FAILED);
      }
      return 0;
    } finally {
      timer.shutdownNow();
      try {
        outages.close(clock.instant());
      } finally {
        sinks.readings().close();
        out.println(summary());
        out.flush();
        finished.countDown();
      }
    }
  }

  /** Asks the loop to stop (from a shutdown hook); {@link #awaitFinished} waits for the close. */
  public void stop() {
    stop.stop();
    StreamLoop l = loop;
    if (l != null) {
      l.stop();
    }
  }

  public boolean awaitFinished(long millis) throws InterruptedException {
    return finished.await(millis, TimeUnit.MILLISECONDS);
  }

  public boolean isFinished() {
    return finished.getCount() == 0;
  }

  public IngestCounters counters() {
    return counters;
  }

  /** More for the end of each status line (the uploads' part, when there is a store). */
  public void statusTail(java.util.function.Supplier<String> tail) {
    this.statusTail = tail;
  }

  private void scheduleStatus(ScheduledExecutorService timer, OutageTracker outages) {
    long hb = CollectSettings.HEARTBEAT_INTERVAL.toMillis();
    timer.scheduleAtFixedRate(
        () -> {
          try {
            outages.beat(clock.instant());
          } catch (RuntimeException e) {
            out.println("collect: cannot write the heartbeat (" + e.getMessage() + ")");
          }
        },
        hb,
        hb,
        TimeUnit.MILLISECONDS);
    long every = settings.statusInterval().toMillis();
    StatusLine.Snapshot[] last = {snapshot(outages)};
    timer.scheduleAtFixedRate(
        () -> {
          // A task that throws would silently end the schedule: report and go on instead.
          try {
            StatusLine.Snapshot now = snapshot(outages);
            out.println(StatusLine.format(last[0], now, deviceNames) + statusTail.get());
            last[0] = now;
          } catch (RuntimeException e) {
            out.println("collect: status line failed (" + e + ")");
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  private StatusLine.Snapshot snapshot(OutageTracker outages) {
    return new StatusLine.Snapshot(
        clock.instant(),
        counters.readings(),
        counters.quarantined(),
        counters.duplicates(),
        counters.cloudEvents(),
        sinks.spoolBytes().getAsLong(),
        outages.isUp(),
        counters.lastEventByDevice());
  }

  private String summary() {
    return "collect: stopped; "
        + counters.readings()
        + " readings, "
        + counters.quarantined()
        + " quarantined "
        + counters.quarantineReasons()
        + ", "
        + counters.duplicates()
        + " dups dropped, "
        + counters.cloudEvents()
        + " cloud events";
  }

  /** Store failures (disk full) are reported at most once a minute, never silently dropped. */
  private static final class StoreErrors {
    private final PrintStream out;
    private long count;
    private long lastReport;

    StoreErrors(PrintStream out) {
      this.out = out;
    }

    void failed(Exception e) {
      count++;
      long now = System.nanoTime();
      if (count == 1 || now - lastReport > 60_000_000_000L) {
        lastReport = now;
        out.println(
            "collect: cannot store an event ("
                + e.getClass().getSimpleName()
                + ": "
                + e.getMessage()
                + "); "
                + count
                + " events lost so far");
      }
    }
  }
}
