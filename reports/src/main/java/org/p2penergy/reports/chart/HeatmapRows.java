package org.p2penergy.reports.chart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.p2penergy.home.summary.DaySummary;

/**
 * The heatmap's rows: the 24 hours of the clock and, for an hour that a clock change repeats (1
 * a.m. on a fall-back day in New York), a second row right below it for its second run. A user
 * reading "1 a.m." expects one hour of energy, not two added together; on the other days that row
 * is empty. The repeat is told from the data: the same {@code hour} with a later {@code start}.
 */
record HeatmapRows(List<Row> rows) {

  /** One row: a local hour, or its second run after a fall-back. */
  record Row(int hour, boolean repeat) {
    String label() {
      return repeat ? hour + " (2nd)" : Integer.toString(hour);
    }
  }

  static HeatmapRows of(List<DaySummary> days) {
    TreeSet<Integer> repeated = new TreeSet<>();
    for (DaySummary day : days) {
      Map<Integer, Instant> first = firstStarts(day);
      for (DaySummary.Hourly h : day.hourly()) {
        if (isRepeat(h, first)) {
          repeated.add(h.hour());
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int hour = 0; hour < 24; hour++) {
      rows.add(new Row(hour, false));
      if (repeated.contains(hour)) {
        rows.add(new Row(hour, true));
      }
    }
    return new HeatmapRows(List.copyOf(rows));
  }

  /** The earliest start of each hour of the day (hours without a start are left out). */
  static Map<Integer, Instant> firstStarts(DaySummary day) {
    Map<Integer, Instant> first = new HashMap<>();
    for (DaySummary.Hourly h : day.hourly()) {
      if (h.start() != null) {
        first.merge(h.hour(), h.start().toInstant(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return first;
  }

  /** Whether {@code h} is the second run of its hour, given its day's {@link #firstStarts}. */
  static boolean isRepeat(DaySummary.Hourly h, Map<Integer, Instant> first) {
    return h.start() != null && h.start().toInstant().isAfter(first.get(h.hour()));
  }

  /** The row index of an hour, or -1 for an hour outside 0-23. */
  int index(int hour, boolean repeat) {
    return rows.indexOf(new Row(hour, repeat));
  }

  /** Every third hour, and both runs of a repeated hour, each at its row. */
  List<Tick> ticks() {
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      boolean repeated = row.repeat() || rows.contains(new Row(row.hour(), true));
      if (row.hour() % 3 == 0 || repeated) {
        ticks.add(new Tick(i, row.label()));
      }
    }
    return ticks;
  }
}
