package org.p2penergy.collector.stream;

import java.io.IOException;
import java.time.Instant;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingSink;
import org.p2penergy.collector.store.StoreRefusedException;
import org.p2penergy.collector.stream.ParsedEvent.Accepted;
import org.p2penergy.collector.stream.ParsedEvent.Ignored;
import org.p2penergy.collector.stream.ParsedEvent.Rejected;
import org.p2penergy.home.config.DeviceHomes;

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
  private final DeviceHomes homes;

  /** Quarantine reason of a device that no home of a community lists. */
  public static final String NO_HOME = "device of no home";

  public EventIngest(
      EventParser parser,
      DuplicateFilter duplicates,
      ReadingSink sink,
      Quarantine quarantine,
      IngestCounters counters,
      DeviceHomes homes) {
    this.homes = homes;
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

  /**
   * An event already parsed by the caller (the legacy import parses its own columns).
   *
   * @throws StoreRefusedException if the store refused its readings (disk full): counted there
   */
  public void handle(ParsedEvent parsed, String name, String raw, Instant receivedAt)
      throws IOException {
    counters.event();
    if (parsed instanceof Accepted a) {
      accept(a, raw, receivedAt);
    } else if (parsed instanceof Ignored i) {
      if (i.kind() == ParsedEvent.IgnoredKind.CLOUD_EVENT) {
        counters.cloudEvent();
      } else {
        counters.noData();
      }
    } else if (parsed instanceof Rejected r) {
      reject(r.reason(), r.deviceId(), name, raw, receivedAt);
    }
  }

  /** Quarantines something that never became an event (a stream line the parser never saw). */
  public void reject(String reason, String name, String raw, Instant receivedAt)
      throws IOException {
    reject(reason, null, name, raw, receivedAt);
  }

  private void reject(String reason, String deviceId, String name, String raw, Instant receivedAt)
      throws IOException {
    counters.quarantined(reason);
    quarantine.reject(homes.homeOf(deviceId), receivedAt, reason, name, Quarantine.bounded(raw));
  }

  private void accept(Accepted a, String raw, Instant receivedAt) throws IOException {
    if (homes.homeOf(a.deviceId()) == null) {
      reject(NO_HOME, a.deviceId(), a.event(), raw, receivedAt);
      return;
    }
    if (!duplicates.firstSeen(a.deviceId(), a.event(), a.publishedAt())) {
      counters.duplicate();
      return;
    }
    // Every reading is offered, so a store that refuses (disk full) counts each one it turned
    // away; the event still counts as received from its device.
    StoreRefusedException refused = null;
    int taken = 0;
    for (Reading r : a.readings()) {
      try {
        sink.accept(r);
        taken++;
      } catch (StoreRefusedException e) {
        refused = e;
      }
    }
    counters.accepted(a.deviceId(), receivedAt, taken);
    if (refused != null) throw refused;
  }

  public IngestCounters counters() {
    return counters;
  }
}
