package org.p2penergy.reports.nightly;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.p2penergy.home.config.ReportSettings;
import org.p2penergy.reports.pdf.ReportPeriod;

/** Which local days the nightly run works on, and which reports each owes: pure functions. */
public final class NightlyPlan {
  private NightlyPlan() {}

  /**
   * The last local day that is over (in the home's zone), counting a day as over only {@code grace}
   * after its midnight, so the collector has rolled its last readings into Parquet.
   */
  public static LocalDate lastCompleteDay(Instant now, ZoneId zone, Duration grace) {
    return now.minus(grace).atZone(zone).toLocalDate().minusDays(1);
  }

  /**
   * The days to work on, oldest first: from {@code since} (or the day after the last one done, or
   * on a first run only the last complete day) up to the last complete day, without those done.
   */
  public static List<LocalDate> days(
      NightlyState state, LocalDate lastComplete, Optional<LocalDate> since) {
    LocalDate first =
        since.orElseGet(() -> state.lastDone().map(d -> d.plusDays(1)).orElse(lastComplete));
    // Pending days before the start (a failed email last week) are still owed.
    for (LocalDate p : state.pending().keySet()) {
      if (p.isBefore(first)) {
        first = p;
      }
    }
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(lastComplete); d = d.plusDays(1)) {
      if (!state.isDone(d)) {
        days.add(d);
      }
    }
    return days;
  }

  /**
   * The reports a finished day owes: its day report; the week's on Sundays (sent by Monday's run)
   * and the month's on the month's last day (sent on the 1st) when the config asks for them.
   */
  public static List<ReportPeriod> periods(LocalDate day, ReportSettings settings) {
    List<ReportPeriod> periods = new ArrayList<>(List.of(ReportPeriod.DAY));
    if (settings.weekly() && day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      periods.add(ReportPeriod.WEEK);
    }
    if (settings.monthly() && day.equals(day.withDayOfMonth(day.lengthOfMonth()))) {
      periods.add(ReportPeriod.MONTH);
    }
    return periods;
  }
}
