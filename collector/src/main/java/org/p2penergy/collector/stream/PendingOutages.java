package org.p2penergy.collector.stream;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Outage records on their way to the outage log. The disk that is full is often the one the log is
 * on: a record that cannot be written now waits here, in order, and goes out with the next record
 * or the next {@link #flush} (every heartbeat). Never throws, so no caller's state depends on the
 * log being writable. Thread-safe.
 */
final class PendingOutages implements OutageSink {
  /** Records kept while the log cannot be written; beyond, the oldest are dropped and counted. */
  static final int MAX_PENDING = 1000;

  record Outage(Instant start, Instant end, String reason) {
    @Override
    public String toString() {
      return start + " to " + end + " (" + reason + ")";
    }
  }

  private final OutageSink log;
  private final PrintStream out;
  private final Deque<Outage> pending = new ArrayDeque<>();
  private long dropped;
  private boolean reported;

  PendingOutages(OutageSink log, PrintStream out) {
    this.log = log;
    this.out = out;
  }

  /** Records an outage now, or keeps it for later if the log cannot be written. */
  @Override
  public synchronized void outage(Instant start, Instant end, String reason) {
    if (pending.size() == MAX_PENDING) {
      pending.removeFirst();
      dropped++;
    }
    pending.addLast(new Outage(start, end, reason));
    flush();
  }

  /** Writes what waits, oldest first; true when nothing waits any more. */
  synchronized boolean flush() {
    while (!pending.isEmpty()) {
      Outage o = pending.peekFirst();
      try {
        log.outage(o.start(), o.end(), o.reason());
      } catch (IOException e) {
        if (!reported) {
          out.println(
              "collect: cannot record the outage " + o + " yet (" + e.getMessage() + "); kept");
          reported = true;
        }
        return false;
      }
      pending.removeFirst();
      if (reported) {
        out.println("collect: outage log writable again; recorded " + o);
      }
      reported = false;
    }
    return true;
  }

  /** What could not be written (yet), oldest first. */
  synchronized List<Outage> pending() {
    return List.copyOf(pending);
  }

  /** Records dropped because too many waited. */
  synchronized long dropped() {
    return dropped;
  }
}
