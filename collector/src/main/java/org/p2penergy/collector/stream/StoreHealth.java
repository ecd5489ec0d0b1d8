package org.p2penergy.collector.stream;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.p2penergy.collector.store.StoreListener;

/**
 * The store as the collector reports it: how many readings are durable (the only count of stored
 * readings: from {@link StoreListener#synced}, never from accept), how many were lost because the
 * spool could not be written, and the periods it could not ({@code disk full}), which become
 * outages of every home. Fed by the store's listener (quick: the store may hold its lock), read by
 * the status line and the collector's timer. Thread-safe.
 */
public final class StoreHealth {
  private final LongSupplier spoolBytes;
  private final LongSupplier lost;
  private final PrintStream out;
  private final List<PendingOutages.Outage> ended = new ArrayList<>();
  private volatile long durable;
  private Instant since; // of the period in progress, or null
  private String reason; // of the period in progress, or the last one
  private String lastReason;

  /**
   * @param spoolBytes bytes in the spool now
   * @param lost readings the store refused or could not write, since it was opened
   */
  public StoreHealth(LongSupplier spoolBytes, LongSupplier lost, PrintStream out) {
    this.spoolBytes = spoolBytes;
    this.lost = lost;
    this.out = out;
  }

  /** The store's group fsync: the first {@code durableReadings} readings are on disk. */
  public void synced(long durableReadings) {
    durable = durableReadings;
  }

  /** The spool cannot be written: readings are refused from {@code at} on. */
  public synchronized void unwritable(Instant at, String why, String detail) {
    if (since != null) return;
    since = at;
    reason = why;
    lastReason = why;
    out.println(
        "collect: "
            + why
            + ": readings are not stored until the spool can be written again; retrying every"
            + " second ("
            + detail
            + ")");
  }

  /** The spool took a write again: the period [{@code from}, {@code until}) becomes an outage. */
  public synchronized void writable(Instant from, Instant until, String why, long refused) {
    if (since == null) return;
    ended.add(new PendingOutages.Outage(since, until, why));
    since = null;
    reason = null;
    out.println(
        "collect: storing again after "
            + seconds(Duration.between(from, until))
            + " of "
            + why
            + "; "
            + refused
            + " readings lost in that time");
  }

  /** Periods that ended since the last call, to be recorded as outages. */
  synchronized List<PendingOutages.Outage> takeEnded() {
    List<PendingOutages.Outage> out = List.copyOf(ended);
    ended.clear();
    return out;
  }

  /** Shutdown: a period in progress ends now and is handed out with the ended ones. */
  synchronized List<PendingOutages.Outage> close(Instant now) {
    if (since != null) {
      ended.add(new PendingOutages.Outage(since, now.isAfter(since) ? now : since, reason));
      since = null;
      reason = null;
    }
    return takeEnded();
  }

  /** Readings durable: what the status line and the summary call "readings". */
  public long durable() {
    return durable;
  }

  public long lost() {
    return lost.getAsLong();
  }

  public long spoolBytes() {
    return spoolBytes.getAsLong();
  }

  /** Why the spool cannot be written now ({@code disk full}), or null while it can. */
  public synchronized String problem() {
    return reason;
  }

  /** The reason of the latest period (for the summary's "could not be stored"), or null. */
  public synchronized String lastProblem() {
    return lastReason;
  }

  /**
   * What the last line of a run adds: the readings that could not be stored, and what the spool
   * keeps for the next start when the store could not roll it ({@code closeProblem}, or null).
   */
  String stopNote(String closeProblem) {
    String lost =
        lost() == 0
            ? ""
            : "; "
                + lost()
                + " readings could not be stored ("
                + (lastProblem() == null ? "store failure" : lastProblem())
                + ")";
    if (closeProblem == null) return lost;
    return lost
        + "; "
        + StatusLine.bytes(spoolBytes())
        + " of stored readings stay in the spool for the next start ("
        + closeProblem
        + ")";
  }

  private static String seconds(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s < 120 ? s + " s" : s / 60 + " min";
  }
}
