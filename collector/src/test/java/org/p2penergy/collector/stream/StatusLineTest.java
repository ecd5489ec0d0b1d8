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
    StatusLine.Snapshot before = new StatusLine.Snapshot(T0, 100, 0, 0, 0, 0, true, Map.of());
    StatusLine.Snapshot now =
        new StatusLine.Snapshot(T0.plusSeconds(60), 400, 2, 7, 3, 3 * 1024 * 1024 / 2, true, last);
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
    StatusLine.Snapshot s = new StatusLine.Snapshot(T0, 0, 0, 0, 0, 10, false, Map.of());
    assertThat(StatusLine.format(s, s, Map.of()))
        .contains("stream DOWN")
        .contains("spool 10 B")
        .endsWith("last event: none yet");
  }
}
