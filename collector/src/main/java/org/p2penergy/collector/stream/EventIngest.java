package org.p2penergy.collector.stream;

import java.io.IOException;
import java.time.Instant;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingSink;
import org.p2penergy.collector.stream.ParsedEvent.Accepted;
import org.p2penergy.collector.stream.ParsedEvent.Ignored;
import org.p2penergy.collector.stream.ParsedEvent.Rejected;

/**
 * One event's way in: parse, drop duplicates, hand readings to the sink, quarantine the rest, and
 * count everything. Shared by {@code collect} and {@code import legacy-sqlite}, so both apply the
 * same rules.
 */
public final class EventIngest {
  private final EventParser parser;
  private final DuplicateFilter duplicates;
  private final ReadingSink sink;
  private final Quarantine quarantine;
  private final IngestCounters counters;

  public EventIngest(
      EventParser parser,
      DuplicateFilter duplicates,
      ReadingSink sink,
      Quarantine quarantine,
      IngestCounters counters) {
    this.parser = parser;
    this.duplicates = duplicates;
    this.sink = sink;
    this.quarantine = quarantine;
    this.counters = counters;
  }

  /** An event from the stream: its SSE name and the JSON text of its data line. */
  public void onEvent(String name, String raw, Instant receivedAt) throws IOException {
    ParsedEvent parsed =
        raw != null && raw.length() > EventParser.MAX_EVENT_CHARS
            ? new Rejected(EventParser.OVERSIZED_EVENT)
            : parser.parse(name, raw, receivedAt);
    handle(parsed, name, raw, receivedAt);
  }

  /** An event already parsed by the caller (the legacy import parses its own columns). */
  public void handle(ParsedEvent parsed, String name, String raw, Instant receivedAt)
      throws IOException {
    counters.event();
    if (parsed instanceof Accepted a) {
      accept(a, receivedAt);
    } else if (parsed instanceof Ignored i) {
      if (i.kind() == ParsedEvent.IgnoredKind.CLOUD_EVENT) {
        counters.cloudEvent();
      } else {
        counters.noData();
      }
    } else if (parsed instanceof Rejected r) {
      reject(r.reason(), name, raw, receivedAt);
    }
  }

  /** Quarantines something that never became an event (a stream line the parser never saw). */
  public void reject(String reason, String name, String raw, Instant receivedAt)
      throws IOException {
    counters.quarantined(reason);
    quarantine.reject(receivedAt, reason, name, Quarantine.bounded(raw));
  }

  private void accept(Accepted a, Instant receivedAt) throws IOException {
    if (!duplicates.firstSeen(a.deviceId(), a.event(), a.publishedAt())) {
      counters.duplicate();
      return;
    }
    for (Reading r : a.readings()) {
      sink.accept(r);
    }
    counters.accepted(a.deviceId(), receivedAt, a.readings().size());
  }

  public IngestCounters counters() {
    return counters;
  }
}
