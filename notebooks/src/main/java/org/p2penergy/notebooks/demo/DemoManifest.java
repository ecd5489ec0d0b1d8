package org.p2penergy.notebooks.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * What the generator planted: the ground truth the notebook tests compare against.
 *
 * @param readings rows written, duplicates included
 * @param duplicates rows written a second time
 */
public record DemoManifest(
    LocalDate first,
    LocalDate last,
    List<DayPlan> days,
    DemoFaults faults,
    long readings,
    long duplicates) {

  public DemoManifest {
    days = List.copyOf(days);
  }

  public DayPlan day(LocalDate date) {
    return days.stream()
        .filter(d -> d.date().equals(date))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(date + " is not in the demo data"));
  }
}
