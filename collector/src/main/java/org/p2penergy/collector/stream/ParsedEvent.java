package org.p2penergy.collector.stream;

import java.time.Instant;
import java.util.List;
import org.p2penergy.collector.store.Reading;

/** What {@link EventParser} made of one cloud event. */
public sealed interface ParsedEvent {

  /**
   * A device event with one or more readings; {@code deviceId}, {@code event} and {@code
   * publishedAt} identify it for de-duplication.
   */
  record Accepted(String deviceId, String event, Instant publishedAt, List<Reading> readings)
      implements ParsedEvent {
    public Accepted {
      readings = List.copyOf(readings);
    }
  }

  /** Not a reading, on purpose: a cloud event ({@code spark/status}) or an event without data. */
  record Ignored(IgnoredKind kind) implements ParsedEvent {}

  /**
   * Unusable: goes to the quarantine with this reason; {@code deviceId} when the event named a
   * valid device (its home's quarantine gets it), else null.
   */
  record Rejected(String reason, String deviceId) implements ParsedEvent {
    public Rejected(String reason) {
      this(reason, null);
    }
  }

  enum IgnoredKind {
    /** {@code spark/*}, {@code particle/*}, {@code hook-*}: the cloud's own events. */
    CLOUD_EVENT,
    /** Published without data: the cloud sends {@code "data":"null"}. */
    NO_DATA
  }
}
