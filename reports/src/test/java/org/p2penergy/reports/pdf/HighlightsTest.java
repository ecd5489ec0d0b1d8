package org.p2penergy.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.summary.DaySummary;

class HighlightsTest {
  static DaySummary.Anomaly doorOpen(int day) {
    OffsetDateTime start = OffsetDateTime.parse(String.format("2026-11-%02dT18:00:00-05:00", day));
    return new DaySummary.Anomaly(
        "34003d000547363332363639",
        "Fridge",
        "door_left_open",
        start,
        start.plusMinutes(7),
        "7 min");
  }

  @Test
  void fewAnomaliesAreListedOneByOne() {
    assertThat(Highlights.anomalies(List.of(doorOpen(26), doorOpen(27))))
        .containsExactly(
            "Fridge: door left open on 26 Nov 18:00–18:07: 7 min.",
            "Fridge: door left open on 27 Nov 18:00–18:07: 7 min.");
  }

  @Test
  void manyAreGroupedPerApplianceAndKind() {
    List<DaySummary.Anomaly> month = new ArrayList<>();
    for (int day = 1; day <= 30; day++) {
      month.add(doorOpen(day));
    }
    month.add(
        new DaySummary.Anomaly(
            "2a0031000447363339343638", "Microwave", "high_consumption", null, null, ""));

    assertThat(Highlights.anomalies(month))
        .containsExactly(
            "Fridge: door left open 30 times; the last on 30 Nov 18:00–18:07: 7 min.",
            "Microwave: high consumption.");
  }
}
