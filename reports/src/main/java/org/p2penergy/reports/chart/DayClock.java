package org.p2penergy.reports.chart;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.p2penergy.home.summary.DaySummary;

/**
 * A local day as the charts draw it: positions are hours elapsed since the day's start (so a
 * 25-hour day is 25 units wide and nothing overlaps), labels are the home's wall-clock time.
 */
public record DayClock(LocalDate date, OffsetDateTime start, ZoneId zone, int hours) {
  private static final DateTimeFormatter ZONE_NAME =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  /** The clock of a summary's day: its {@code day.start}, its home's zone, its hours. */
  public static DayClock of(DaySummary day) {
    ZoneId zone = zone(day);
    OffsetDateTime start =
        day.day() != null && day.day().start() != null
            ? day.day().start()
            : day.date().atStartOfDay(zone).toOffsetDateTime();
    return new DayClock(day.date(), start, zone, day.hours());
  }

  private static ZoneId zone(DaySummary day) {
    try {
      return ZoneId.of(day.home().timezone());
    } catch (DateTimeException unknownZone) {
      return day.day() != null && day.day().start() != null
          ? day.day().start().getOffset()
          : ZoneId.of("UTC");
    }
  }

  /** Hours elapsed from the day's start to {@code t}. */
  public double hoursAt(OffsetDateTime t) {
    return Duration.between(start, t).toSeconds() / 3600.0;
  }

  /**
   * Ticks at every {@code everyHours} hours of the wall clock (0, 3, ... 24), placed where that
   * time falls, plus one at each clock change labelled with the time and zone name after it (on a
   * fall-back day in New York "1 EST" two hours in; on a spring-forward day "3 EDT" two hours in).
   */
  public List<Tick> wallClockTicks(int everyHours) {
    List<Tick> ticks = new ArrayList<>();
    for (int wall = 0; wall <= 24; wall += everyHours) {
      ZonedDateTime at = ZonedDateTime.ofLocal(date.atStartOfDay().plusHours(wall), zone, null);
      String label = wall == 24 ? "24" : clock(at.toLocalTime());
      add(ticks, new Tick(hoursAt(at.toOffsetDateTime()), label));
    }
    ZoneOffsetTransition t = zone.getRules().nextTransition(start.toInstant());
    while (t != null && hoursAt(t.getInstant().atOffset(t.getOffsetAfter())) < hours) {
      OffsetDateTime after = t.getInstant().atOffset(t.getOffsetAfter());
      String label =
          clock(after.toLocalTime()) + " " + ZONE_NAME.format(t.getInstant().atZone(zone));
      double at = hoursAt(after);
      ticks.removeIf(tick -> tick.value() == at);
      add(ticks, new Tick(at, label));
      t = zone.getRules().nextTransition(t.getInstant());
    }
    ticks.sort(Comparator.comparingDouble(Tick::value));
    return ticks;
  }

  private void add(List<Tick> ticks, Tick tick) {
    boolean taken = ticks.stream().anyMatch(t -> t.value() == tick.value());
    if (tick.value() >= 0 && tick.value() <= hours && !taken) {
      ticks.add(tick);
    }
  }

  /** "7", or "7:30" where a zone's clock is not on the hour. */
  private static String clock(LocalTime time) {
    return time.getMinute() == 0
        ? Integer.toString(time.getHour())
        : String.format(Locale.ROOT, "%d:%02d", time.getHour(), time.getMinute());
  }

  /** The hour axis of a day chart: 0 to the day's length, wall-clock labels every 3 hours. */
  TickedAxis axis() {
    TickedAxis axis = new TickedAxis("hour (" + zone.getId() + ")", wallClockTicks(3));
    axis.setRange(0, hours);
    return axis;
  }
}
