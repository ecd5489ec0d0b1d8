package org.p2penergy.collector.stream;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingSink;

/**
 * The hidden {@code --trace-sync}: after each group fsync, one line per reading that became durable
 * ({@code synced TAB device TAB event TAB ts}). The kill -9 test uses these lines to know what must
 * survive. Claims only what it has seen accepted, so what it prints is never more than what the
 * store made durable.
 */
final class SyncTrace implements ReadingSink {
  private final ReadingSink delegate;
  private final PrintStream out;
  private final Deque<Reading> pending = new ArrayDeque<>();
  private long accepted;
  private long printed;

  SyncTrace(ReadingSink delegate, PrintStream out) {
    this.delegate = delegate;
    this.out = out;
  }

  @Override
  public void accept(Reading reading) throws IOException {
    delegate.accept(reading); // throws if not stored: then it is not counted
    synchronized (this) {
      pending.addLast(reading);
      accepted++;
    }
  }

  /** The store's listener: the first {@code durable} readings accepted are on disk. */
  synchronized void synced(long durable) {
    StringBuilder lines = new StringBuilder();
    while (printed < durable && !pending.isEmpty()) {
      Reading r = pending.removeFirst();
      printed++;
      lines
          .append("synced\t")
          .append(r.deviceId())
          .append('\t')
          .append(r.event())
          .append('\t')
          .append(r.ts())
          .append('\n');
    }
    if (lines.length() > 0) {
      out.print(lines);
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
