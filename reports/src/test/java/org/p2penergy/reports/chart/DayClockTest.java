package org.p2penergy.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * Tick positions are hours elapsed since local midnight, labels the New York wall clock. Worked out
 * by hand from the clock changes (second Sunday of March 02:00 EST -> 03:00 EDT, first Sunday of
 * November 02:00 EDT -> 01:00 EST).
 */
class DayClockTest {

  @Test
  void ordinaryDayTicksEveryThreeHours() {
    DayClock clock = DayClock.of(DstDays.day(LocalDate.of(2026, 11, 27), i -> 0.1));
    assertThat(clock.hours()).isEqualTo(24);
    assertThat(clock.wallClockTicks(3))
        .containsExactly(
            new Tick(0, "0"),
            new Tick(3, "3"),
            new Tick(6, "6"),
            new Tick(9, "9"),
            new Tick(12, "12"),
            new Tick(15, "15"),
            new Tick(18, "18"),
            new Tick(21, "21"),
            new Tick(24, "24"));
  }

  @Test
  void fallBackDayHasTwentyFiveHoursAndOneAmTwice() {
    // 00:00 EDT = 04:00Z. 01:00 EDT (05:00Z) is 1 h in; 06:00Z is 01:00 EST again, 2 h in;
    // 03:00 EST = 08:00Z is 4 h in, so every later wall-clock hour sits one hour further right
    // than on a 24-hour day; midnight (05:00Z next day) is 25 h in.
    DayClock clock = DayClock.of(DstDays.day(DstDays.FALL_BACK, i -> 0.1));
    assertThat(clock.hours()).isEqualTo(25);
    assertThat(clock.wallClockTicks(3))
        .containsExactly(
            new Tick(0, "0"),
            new Tick(2, "1 EST"),
            new Tick(4, "3"),
            new Tick(7, "6"),
            new Tick(10, "9"),
            new Tick(13, "12"),
            new Tick(16, "15"),
            new Tick(19, "18"),
            new Tick(22, "21"),
            new Tick(25, "24"));
    // 07:30 EST (12:30Z) is 8.5 h in: between the "6" and "9" ticks, half-way past 7
    assertThat(clock.hoursAt(OffsetDateTime.parse("2026-11-01T07:30-05:00"))).isEqualTo(8.5);
  }

  @Test
  void springForwardDayHasTwentyThreeHoursAndNoTwoAm() {
    // 00:00 EST = 05:00Z; at 07:00Z (2 h in) the clock jumps from 02:00 EST to 03:00 EDT, so
    // "3" is 2 h in, "6" 5 h in, and midnight (04:00Z next day) 23 h in.
    DayClock clock = DayClock.of(DstDays.day(DstDays.SPRING_FORWARD, i -> 0.1));
    assertThat(clock.hours()).isEqualTo(23);
    assertThat(clock.wallClockTicks(3))
        .containsExactly(
            new Tick(0, "0"),
            new Tick(2, "3 EDT"),
            new Tick(5, "6"),
            new Tick(8, "9"),
            new Tick(11, "12"),
            new Tick(14, "15"),
            new Tick(17, "18"),
            new Tick(20, "21"),
            new Tick(23, "24"));
    assertThat(clock.hoursAt(OffsetDateTime.parse("2026-03-08T07:30-04:00"))).isEqualTo(6.5);
  }

  @Test
  void aHalfHourZoneTicksOnTheHoursOfItsOwnClock() {
    // Kolkata is UTC+5:30 all year: an ordinary day, ticks on the hour of its own clock
    DayClock clock =
        new DayClock(
            LocalDate.of(2026, 11, 27),
            OffsetDateTime.parse("2026-11-27T00:00+05:30"),
            java.time.ZoneId.of("Asia/Kolkata"),
            24);
    assertThat(clock.wallClockTicks(6))
        .containsExactly(
            new Tick(0, "0"),
            new Tick(6, "6"),
            new Tick(12, "12"),
            new Tick(18, "18"),
            new Tick(24, "24"));
  }
}
