package org.p2penergy.collector.simulate;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * The events of several devices merged in order of {@code published_at}, only those the stream's
 * filter accepts and published before the end of the simulation.
 */
final class MergedCursor {
  private final PriorityQueue<DeviceTimeline.EventCursor> queue =
      new PriorityQueue<>(
          Comparator.comparingLong((DeviceTimeline.EventCursor c) -> c.peek().publishedAtMillis())
              .thenComparing(c -> c.peek().coreid()));
  private final Predicate<SimEvent> filter;
  private final long endMillis;

  MergedCursor(
      List<DeviceTimeline> devices, long fromMillis, long endMillis, Predicate<SimEvent> filter) {
    this.filter = filter;
    this.endMillis = endMillis;
    for (DeviceTimeline device : devices) {
      offer(device.cursor(fromMillis));
    }
  }

  private void offer(DeviceTimeline.EventCursor cursor) {
    while (cursor.peek() != null && !filter.test(cursor.peek())) {
      cursor.advance();
    }
    if (cursor.peek() != null && cursor.peek().publishedAtMillis() < endMillis) {
      queue.add(cursor);
    }
  }

  /** The next event, or null when none is left before the end. */
  SimEvent peek() {
    DeviceTimeline.EventCursor head = queue.peek();
    return head == null ? null : head.peek();
  }

  void advance() {
    DeviceTimeline.EventCursor head = queue.poll();
    if (head != null) {
      head.advance();
      offer(head);
    }
  }

  /** Skips every event published before {@code millis} (lost while the stream was stalled). */
  void skipBefore(long millis) {
    while (peek() != null && peek().publishedAtMillis() < millis) {
      advance();
    }
  }
}
