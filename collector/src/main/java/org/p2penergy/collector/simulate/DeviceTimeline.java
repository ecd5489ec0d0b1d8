package org.p2penergy.collector.simulate;

/** Everything one device publishes, in order of {@code published_at}; strictly increasing. */
interface DeviceTimeline {
  String deviceId();

  /** A human name for the device listing ({@code fridge}, {@code microwave}, ...). */
  String name();

  /** The events published at or after {@code fromMillis}, in order. */
  EventCursor cursor(long fromMillis);

  /** When the device last published at or before {@code t}, or {@link Long#MIN_VALUE} if never. */
  long lastAtOrBefore(long t);

  /** Reads events in order; {@link #peek()} is null when there are no more. */
  interface EventCursor {
    SimEvent peek();

    void advance();
  }
}
