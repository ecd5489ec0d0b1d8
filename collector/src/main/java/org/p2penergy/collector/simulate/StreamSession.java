package org.p2penergy.collector.simulate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One subscriber's event stream: writes the events as the simulated clock passes their {@code
 * published_at}, in batches (one flush per batch, so thousands of events a second go through one
 * connection), keep-alive blank lines when idle, and the scheduled faults.
 */
final class StreamSession {
  /** At most this many events per flush, so faults and shutdown are noticed at full speed too. */
  static final int MAX_BATCH = 512;

  private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long MIN_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /** Thrown out of the handler so the HTTP server cuts the connection without ending the body. */
  static final class Dropped extends RuntimeException {
    Dropped() {
      super("connection dropped by fault injection", null, false, false);
    }
  }

  private final int id;
  private final CloudState state;
  private final MergedCursor cursor;
  private final SseFormat.ProductFields product;
  private final OutputStream out;
  private final List<SimEvent> batch = new ArrayList<>(MAX_BATCH);

  StreamSession(
      int id,
      CloudState state,
      MergedCursor cursor,
      SseFormat.ProductFields product,
      OutputStream out) {
    this.id = id;
    this.state = state;
    this.cursor = cursor;
    this.product = product;
    this.out = out;
  }

  /**
   * Runs until the simulator closes or the client goes away (IOException). The stream counts as
   * open from {@code arrivedNanos}, when its request came (the first request is schedule time 0).
   */
  void run(long arrivedNanos) throws IOException {
    out.write(SseFormat.GREETING);
    out.flush();
    long lastFaultCheck = arrivedNanos - 1;
    long lastBytes = state.faults.elapsedNanos();
    long stallUntil = Long.MIN_VALUE;
    boolean stalled = false;
    while (!state.closing.get()) {
      FaultSchedule.Due due = state.faults.dueNow(lastFaultCheck);
      long now = due.nowNanos();
      boolean wrote = false;
      for (Fault fault : due.faults()) {
        switch (fault.kind()) {
          case DROP -> drop();
          case STALL -> stallUntil = Math.max(stallUntil, now + fault.length().toNanos());
          default -> {
            if (now >= stallUntil) {
              out.write(faultBytes(fault));
              state.faultsInjected.increment();
              state.sentLog.comment(fault.kind().word() + " stream=" + id);
              wrote = true;
            }
          }
        }
      }
      lastFaultCheck = now;
      if (now < stallUntil) {
        if (!stalled) {
          state.faultsInjected.increment();
          state.sentLog.comment("stall stream=" + id);
        }
        stalled = true;
        sleep(Math.min(stallUntil - now, nextFaultIn(now)));
        continue;
      }
      if (stalled) {
        // what was published while the stream hung is gone, as with the real cloud
        cursor.skipBefore(state.clock.nowMillis());
        stalled = false;
      }
      long simNow = state.simulatedNowMillis();
      batch.clear();
      SimEvent next;
      while (batch.size() < MAX_BATCH
          && (next = cursor.peek()) != null
          && next.publishedAtMillis() <= simNow) {
        out.write(SseFormat.event(next, product).getBytes(StandardCharsets.UTF_8));
        batch.add(next);
        cursor.advance();
      }
      if (!batch.isEmpty() || wrote) {
        out.flush();
        state.sentLog.sent(batch, id);
        state.eventsSent.add(batch.size());
        lastBytes = now;
        if (batch.size() == MAX_BATCH) {
          continue;
        }
      } else if (now - lastBytes >= state.keepAliveNanos) {
        out.write(SseFormat.KEEP_ALIVE);
        out.flush();
        lastBytes = now;
      }
      long wait = Math.min(state.keepAliveNanos - (now - lastBytes), nextFaultIn(now));
      next = cursor.peek();
      if (next != null) {
        wait = Math.min(wait, state.clock.realNanosUntil(next.publishedAtMillis()));
      }
      sleep(wait);
    }
  }

  private long nextFaultIn(long now) {
    long next = state.faults.nextStreamFaultAfter(now);
    return next == Long.MAX_VALUE ? Long.MAX_VALUE : next - now;
  }

  private static void sleep(long nanos) {
    LockSupport.parkNanos(Math.max(MIN_SLEEP_NANOS, Math.min(MAX_SLEEP_NANOS, nanos)));
  }

  private void drop() throws IOException {
    out.flush();
    state.faultsInjected.increment();
    state.sentLog.comment("drop stream=" + id);
    throw new Dropped();
  }

  private byte[] faultBytes(Fault fault) {
    String coreid = state.home.devices().get(0).deviceId();
    String text =
        switch (fault.kind()) {
          case MALFORMED -> "event: power\ndata: {\"data\":\"12";
          case OVERSIZED ->
              SseFormat.event(
                      new SimEvent(
                          coreid, "power", state.simulatedNowMillis(), "9".repeat(fault.size())),
                      product)
                  .stripTrailing();
          default -> throw new IllegalStateException(fault.kind().word());
        };
    return (text + "\n\n").getBytes(StandardCharsets.UTF_8);
  }
}
