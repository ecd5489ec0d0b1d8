package org.p2penergy.collector.stream;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.p2penergy.collector.store.ReadingSink;
import org.p2penergy.collector.store.StoreRefusedException;
import org.p2penergy.home.cli.UserException;

/**
 * The collector daemon: one stream loop feeding the ingest, a status line and heartbeat on a timer,
 * and an orderly end (stop reading, close the store so it flushes and rolls, close the outage).
 */
public final class Collector {
  /** Exit code when the cloud refuses the token: systemd must not restart and hammer the cloud. */
  public static final int AUTH_FAILED = 3;

  /** Where the data goes; the durable store in production, whose health {@code store} reports. */
  public record Sinks(
      ReadingSink readings, Quarantine quarantine, OutageSink outages, StoreHealth store) {}

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
    PendingOutages outageLog = new PendingOutages(sinks.outages(), out);
    OutageTracker outages =
        new OutageTracker(outageLog, new Heartbeat(settings.dataDir()), clock.instant());
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
            public void onEvent(String name, String data, Instant receivedAt) {
              try {
                ingest.onEvent(name, data, receivedAt);
              } catch (StoreRefusedException e) {
                // Disk full: counted by the store, said by every status line, recorded as outage.
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
      scheduleStatus(timer, outages, outageLog);
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
        shutDown(outages, outageLog);
      } finally {
        out.flush();
        finished.countDown();
      }
    }
  }

  /**
   * The orderly end, quick even on a full disk: close the outages in progress (stream and store),
   * write what the outage log can take, close the store (which keeps in the spool what it cannot
   * roll) and say what could not be stored. Nothing here throws: SIGTERM must end with exit 0.
   */
  private void shutDown(OutageTracker outages, PendingOutages outageLog) {
    Instant now = clock.instant();
    try {
      outages.close(now);
    } catch (IOException e) {
      out.println("collect: cannot write the heartbeat (" + e.getMessage() + ")");
    }
    for (PendingOutages.Outage o : sinks.store().close(now)) {
      outageLog.outage(o.start(), o.end(), o.reason());
    }
    outageLog.flush();
    String storeProblem = null;
    try {
      sinks.readings().close();
    } catch (IOException e) {
      storeProblem = e.getMessage();
    }
    for (PendingOutages.Outage o : outageLog.pending()) {
      out.println("collect: outage not recorded (the outage log cannot be written): " + o);
    }
    out.println(summary(storeProblem));
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

  /** The store's side: readings durable (the count of stored readings), lost, disk full. */
  public StoreHealth store() {
    return sinks.store();
  }

  /** More for the end of each status line (the uploads' part, when there is a store). */
  public void statusTail(java.util.function.Supplier<String> tail) {
    this.statusTail = tail;
  }

  private void scheduleStatus(
      ScheduledExecutorService timer, OutageTracker outages, PendingOutages outageLog) {
    long hb = CollectSettings.HEARTBEAT_INTERVAL.toMillis();
    boolean[] heartbeatFailing = {false};
    timer.scheduleAtFixedRate(
        () -> {
          try {
            outages.beat(clock.instant());
            heartbeatFailing[0] = false;
          } catch (RuntimeException e) {
            // Once per failing stretch: on a full disk it fails every beat, and the status line
            // already says why.
            if (!heartbeatFailing[0]) {
              out.println("collect: cannot write the heartbeat (" + e.getMessage() + ")");
            }
            heartbeatFailing[0] = true;
          }
          for (PendingOutages.Outage o : sinks.store().takeEnded()) {
            outageLog.outage(o.start(), o.end(), o.reason());
          }
          outageLog.flush();
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
    StoreHealth store = sinks.store();
    return new StatusLine.Snapshot(
        clock.instant(),
        store.durable(),
        counters.quarantined(),
        counters.duplicates(),
        counters.cloudEvents(),
        store.spoolBytes(),
        outages.isUp(),
        counters.lastEventByDevice(),
        store.lost(),
        store.problem());
  }

  /** The last line: readings stored, and what could not be stored or waits for the next start. */
  private String summary(String storeProblem) {
    return "collect: stopped; "
        + sinks.store().durable()
        + " readings, "
        + counters.quarantined()
        + " quarantined "
        + counters.quarantineReasons()
        + ", "
        + counters.duplicates()
        + " dups dropped, "
        + counters.cloudEvents()
        + " cloud events"
        + sinks.store().stopNote(storeProblem);
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
