package org.p2penergy.collector.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Knows whether the stream is up and turns every down period into one outage record: from the
 * moment the data stopped (the last bytes seen) to the moment a new connection was open. Failed
 * reconnects in between extend the same outage; its reason is what first broke the stream.
 * Thread-safe: the stream thread changes the state, the status thread writes heartbeats.
 */
public final class OutageTracker {
  /** The reason of the time after a crash, a kill -9 or a power cut (no orderly stop). */
  public static final String NOT_RUNNING = "collector not running";

  /** The reason of the time after an orderly stop (SIGTERM, systemctl stop). */
  public static final String STOPPED = "collector stopped";

  private final OutageSink sink;
  private final Heartbeat heartbeat;
  private Instant downSince;
  private String reason;
  private long outages;

  /**
   * Starts down: since the last heartbeat if a previous run left one ("collector stopped" after an
   * orderly stop, "collector not running" after a crash or kill), else since {@code now} without a
   * reason yet: a first connect that works records nothing, one that fails records the outage from
   * the start with the failure as its reason.
   */
  public OutageTracker(OutageSink sink, Heartbeat heartbeat, Instant now) {
    this.sink = sink;
    this.heartbeat = heartbeat;
    Optional<Heartbeat.Last> last = heartbeat.last();
    this.downSince = last.map(Heartbeat.Last::upUntil).filter(t -> t.isBefore(now)).orElse(now);
    this.reason = last.map(l -> l.stoppedCleanly() ? STOPPED : NOT_RUNNING).orElse(null);
  }

  /** The stream is open (again): closes the outage in progress. */
  public synchronized void up(Instant at) throws IOException {
    if (downSince == null) {
      return;
    }
    if (reason != null && at.isAfter(downSince)) {
      sink.outage(downSince, at, reason);
      outages++;
    }
    downSince = null;
    reason = null;
    heartbeat.write(at);
  }

  /** The stream broke; data stopped arriving at {@code since}. */
  public synchronized void down(Instant since, String why) throws IOException {
    if (downSince != null) {
      // A failed reconnect: the outage already open goes on. At start it gets its first reason.
      if (reason == null) {
        reason = why;
      }
      return;
    }
    downSince = since;
    reason = why;
    heartbeat.write(since);
  }

  /** Called periodically: while the stream is up, the heartbeat moves forward. */
  public synchronized void beat(Instant now) {
    if (downSince == null) {
      try {
        heartbeat.write(now);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Orderly shutdown: an outage in progress ends now; the heartbeat says the collector stopped
   * here, so the next start counts from here as "collector stopped".
   */
  public synchronized void close(Instant now) throws IOException {
    if (downSince != null && reason != null && now.isAfter(downSince)) {
      sink.outage(downSince, now, reason);
      outages++;
    }
    downSince = now;
    reason = null;
    heartbeat.writeStopped(now);
  }

  public synchronized boolean isUp() {
    return downSince == null;
  }

  public synchronized long outagesRecorded() {
    return outages;
  }
}
