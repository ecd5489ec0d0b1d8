package org.p2penergy.reports.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The span of local days a report covers, named by its last day {@code end}.
 *
 * <ul>
 *   <li>DAY: {@code end} alone.
 *   <li>WEEK: the 7 days ending {@code end} (a rolling week, so a week report exists for any day;
 *       rendered for a Sunday it is the Monday-to-Sunday week).
 *   <li>MONTH: the calendar month of {@code end}, from the 1st up to {@code end}.
 * </ul>
 */
public enum ReportPeriod {
  DAY,
  WEEK,
  MONTH;

  /** The first day of the period ending {@code end}. */
  public LocalDate start(LocalDate end) {
    return switch (this) {
      case DAY -> end;
      case WEEK -> end.minusDays(6);
      case MONTH -> end.withDayOfMonth(1);
    };
  }

  /** The days of the period ending {@code end}, oldest first. */
  public List<LocalDate> dates(LocalDate end) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = start(end); !d.isAfter(end); d = d.plusDays(1)) {
      days.add(d);
    }
    return List.copyOf(days);
  }

  /**
   * The last day of the period to compare with: the day before, the week before, or the same day of
   * the previous month (clamped to its length), so a month-to-date compares like with like.
   */
  public LocalDate previousEnd(LocalDate end) {
    return switch (this) {
      case DAY -> end.minusDays(1);
      case WEEK -> end.minusDays(7);
      case MONTH -> end.minusMonths(1);
    };
  }

  /** "day", "week", "month": for file names and the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** "Day", "Week", "Month". */
  public String title() {
    return name().charAt(0) + id().substring(1);
  }
}
