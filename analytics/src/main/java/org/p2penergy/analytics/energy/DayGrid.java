package org.p2penergy.analytics.energy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.p2penergy.home.config.Tariff;

/**
 * One local day cut into minutes: the unit every interval is split at. Minute edges include every
 * local hour edge (also on 23- and 25-hour DST days) and every tariff edge (tariff windows are
 * given to the minute), so splitting at minutes is splitting exactly at hours and tariff changes.
 */
public final class DayGrid {
  public static final long MINUTE_US = 60_000_000L;

  private final LocalDate date;
  private final ZoneId zone;
  private final long startUs;
  private final long endUs;
  private final List<ZonedDateTime> hourStarts;
  private final int[] minuteHour;
  private final double[] minuteRate;

  private DayGrid(LocalDate date, ZoneId zone, Tariff tariff) {
    this.date = date;
    this.zone = zone;
    ZonedDateTime start = date.atStartOfDay(zone);
    ZonedDateTime end = date.plusDays(1).atStartOfDay(zone);
    this.startUs = micros(start);
    this.endUs = micros(end);
    // plusHours works on the instant time line: a 25-hour day has two local 01:00 hours.
    this.hourStarts = new ArrayList<>();
    for (ZonedDateTime h = start; h.isBefore(end); h = h.plusHours(1)) {
      hourStarts.add(h);
    }
    int minutes = (int) Duration.between(start, end).toMinutes();
    this.minuteHour = new int[minutes];
    this.minuteRate = new double[minutes];
    int hour = 0;
    for (int m = 0; m < minutes; m++) {
      ZonedDateTime t = start.plusMinutes(m);
      while (hour + 1 < hourStarts.size() && !t.isBefore(hourStarts.get(hour + 1))) {
        hour++;
      }
      minuteHour[m] = hour;
      minuteRate[m] = tariff.rateAt(t.toLocalDateTime());
    }
  }

  public static DayGrid of(LocalDate date, ZoneId zone, Tariff tariff) {
    return new DayGrid(date, zone, tariff);
  }

  static long micros(ZonedDateTime t) {
    return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000L), t.getNano() / 1000L);
  }

  public LocalDate date() {
    return date;
  }

  public ZoneId zone() {
    return zone;
  }

  public long startUs() {
    return startUs;
  }

  public long endUs() {
    return endUs;
  }

  public double seconds() {
    return (endUs - startUs) / 1e6;
  }

  public int minutes() {
    return minuteHour.length;
  }

  public int hours() {
    return hourStarts.size();
  }

  /** Local start of hour slot {@code i} (0 .. hours()-1); its local hour of day may repeat. */
  public ZonedDateTime hourStart(int i) {
    return hourStarts.get(i);
  }

  public int hourOfMinute(int minute) {
    return minuteHour[minute];
  }

  public double rateOfMinute(int minute) {
    return minuteRate[minute];
  }

  public boolean contains(long tsUs) {
    return tsUs >= startUs && tsUs < endUs;
  }
}
