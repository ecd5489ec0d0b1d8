package org.p2penergy.reports.chart;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.reports.pdf.ReportPeriod;
import org.p2penergy.reports.summary.PeriodSummary;

/**
 * Small hand-made day summaries of the demo microwave in New York, for the clock-change days: 1 Nov
 * 2026 falls back (25 hours, 1 a.m. twice) and 8 Mar 2026 springs forward (23 hours, no 2 a.m.).
 * One hourly entry and one power value per real hour, as analytics writes them.
 */
final class DstDays {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final LocalDate FALL_BACK = LocalDate.of(2026, 11, 1);
  static final LocalDate SPRING_FORWARD = LocalDate.of(2026, 3, 8);
  static final String MICROWAVE = "2a0031000447363339343638";

  private DstDays() {}

  /**
   * {@code date} with one hourly entry per real hour (kWh from {@code kwh}, by hour index from the
   * start), a power curve of 100 W per hour index, and the given episodes.
   */
  static DaySummary day(
      LocalDate date, java.util.function.IntToDoubleFunction kwh, DaySummary.StateEpisode... eps) {
    ZonedDateTime start = date.atStartOfDay(NEW_YORK);
    ZonedDateTime end = date.plusDays(1).atStartOfDay(NEW_YORK);
    int hours = (int) java.time.Duration.between(start, end).toHours();
    List<DaySummary.Hourly> hourly = new ArrayList<>();
    List<Double> watts = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < hours; i++) {
      ZonedDateTime h = start.plusHours(i); // real hours: plusHours crosses the change correctly
      hourly.add(
          new DaySummary.Hourly(
              h.toOffsetDateTime(), h.getHour(), MICROWAVE, kwh.applyAsDouble(i), 0));
      watts.add(100.0 * i);
      total += kwh.applyAsDouble(i);
    }
    DaySummary.Appliance microwave =
        new DaySummary.Appliance(
            MICROWAVE, "Microwave", "microwave", total, 0, 1200, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0);
    return new DaySummary(
        1,
        date,
        start.toOffsetDateTime(),
        new DaySummary.Home("home", "Demo home", NEW_YORK.getId(), "USD"),
        new DaySummary.Window(start.toOffsetDateTime(), end.toOffsetDateTime(), hours),
        new DaySummary.Totals(total, 0, 0, 0, 1),
        List.of(microwave),
        hourly,
        List.of(new DaySummary.PowerCurve(MICROWAVE, start.toOffsetDateTime(), 3600, watts)),
        List.of(),
        List.of(eps),
        List.of(),
        List.of(),
        new DaySummary.DataQuality(1, List.of(), 0, java.util.Map.of(), 0, List.of(), 0),
        List.of(),
        java.util.Optional.empty());
  }

  static DaySummary.StateEpisode heating(String start, String end, String detail) {
    return new DaySummary.StateEpisode(
        MICROWAVE, "heating", OffsetDateTime.parse(start), OffsetDateTime.parse(end), detail);
  }

  static ChartInput input(ReportPeriod period, LocalDate end, DaySummary... days) {
    PeriodSummary p = PeriodSummary.of(period, end, List.of(days));
    return new ChartInput(p, new Palette(List.of()), s -> s);
  }
}
