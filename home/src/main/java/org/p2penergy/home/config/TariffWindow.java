package org.p2penergy.home.config;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/**
 * A time-of-use window: on {@code days}, from {@code from} (inclusive) to {@code to} (exclusive),
 * local time. {@code to} of 00:00 means midnight at the end of the day; a window whose {@code to}
 * is before its {@code from} runs past midnight into the next day (the day named is the start).
 */
public record TariffWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to, double rate) {

  public TariffWindow {
    days = Set.copyOf(days);
  }

  public boolean contains(LocalDateTime local) {
    LocalTime time = local.toLocalTime();
    DayOfWeek day = local.getDayOfWeek();
    if (!wrapsMidnight()) {
      return days.contains(day) && !time.isBefore(from) && (endsAtMidnight() || time.isBefore(to));
    }
    // Past midnight the window belongs to the previous day's entry.
    return (days.contains(day) && !time.isBefore(from))
        || (days.contains(day.minus(1)) && time.isBefore(to));
  }

  private boolean endsAtMidnight() {
    return to.equals(LocalTime.MIDNIGHT);
  }

  private boolean wrapsMidnight() {
    return !endsAtMidnight() && to.isBefore(from);
  }
}
