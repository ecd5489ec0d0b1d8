package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StatusLineTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void rateCountersAgesAndSpool() {
    Map<String, Instant> last = new TreeMap<>();
    last.put("34003d000547363332363639", T0.plusSeconds(58));
    last.put("2a0031000447363339343638", T0.minusSeconds(600));
    StatusLine.Snapshot before =
        new StatusLine.Snapshot(T0, 100, 0, 0, 0, 0, true, Map.of(), 0, null);
    StatusLine.Snapshot now =
        new StatusLine.Snapshot(
            T0.plusSeconds(60), 400, 2, 7, 3, 3 * 1024 * 1024 / 2, true, last, 0, null);
    String line = StatusLine.format(before, now, Map.of("34003d000547363332363639", "fridge"));
    // 300 readings in 60 s = 5.0/s; ages: 2 s and 11 min; 1.5 MiB.
    assertThat(line)
        .startsWith(
            "status: stream up, 5.0 readings/s, 400 readings, 2 quarantined, 7 dups dropped,")
        .contains("3 cloud events")
        .contains("spool 1.5 MiB")
        .contains("2a003100… 11m ago")
        .contains("fridge 2s ago");
  }

  @Test
  void downAndNoEventsYet() {
    StatusLine.Snapshot s = new StatusLine.Snapshot(T0, 0, 0, 0, 0, 10, false, Map.of(), 0, null);
    assertThat(StatusLine.format(s, s, Map.of()))
        .contains("stream DOWN")
        .contains("spool 10 B")
        .endsWith("last event: none yet");
  }

  @Test
  void aFullDiskComesFirstOnEveryLineWithTheReadingsLost() {
    StatusLine.Snapshot before =
        new StatusLine.Snapshot(T0, 500, 0, 0, 0, 0, true, Map.of(), 0, null);
    StatusLine.Snapshot full =
        new StatusLine.Snapshot(
            T0.plusSeconds(60), 500, 0, 0, 0, 0, true, Map.of(), 120, "disk full");
    // Nothing became durable in the minute: 0.0 readings/s, and the lost count is said first.
    assertThat(StatusLine.format(before, full, Map.of()))
        .startsWith(
            "status: stream up, disk full, 120 readings lost, 0.0 readings/s, 500 readings,");
    StatusLine.Snapshot again =
        new StatusLine.Snapshot(T0.plusSeconds(120), 560, 0, 0, 0, 0, true, Map.of(), 130, null);
    // Space is back: the usual line, still saying what was lost since the start.
    assertThat(StatusLine.format(full, again, Map.of()))
        .startsWith(
            "status: stream up, 1.0 readings/s, 560 readings, 130 readings lost, 0 quarantined,");
  }
}
