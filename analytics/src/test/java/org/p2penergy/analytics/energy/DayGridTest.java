package org.p2penergy.analytics.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.config.FlatTariff;
import org.p2penergy.home.config.Tariff;
import org.p2penergy.home.config.TariffWindow;
import org.p2penergy.home.config.TimeOfUseTariff;

class DayGridTest {
  static final ZoneId NY = ZoneId.of("America/New_York");

  private static List<Integer> hourLabels(DayGrid grid) {
    List<Integer> labels = new ArrayList<>();
    for (int h = 0; h < grid.hours(); h++) {
      labels.add(grid.hourStart(h).getHour());
    }
    return labels;
  }

  @Test
  void anOrdinaryDayHas24HoursOf60Minutes() {
    DayGrid grid = DayGrid.of(LocalDate.of(2026, 11, 27), NY, new FlatTariff(0.15));
    assertThat(grid.hours()).isEqualTo(24);
    assertThat(grid.minutes()).isEqualTo(1440);
    assertThat(grid.seconds()).isEqualTo(86_400);
    // 2026-11-27 00:00 EST is 05:00 UTC.
    assertThat(grid.startUs()).isEqualTo(1_795_755_600L * 1_000_000L);
    assertThat(grid.hourOfMinute(61)).isEqualTo(1);
  }

  @Test
  void springForwardDayHas23HoursAndNo2Oclock() {
    DayGrid grid = DayGrid.of(LocalDate.of(2026, 3, 8), NY, new FlatTariff(0.15));
    assertThat(grid.hours()).isEqualTo(23);
    assertThat(grid.minutes()).isEqualTo(1380);
    assertThat(hourLabels(grid)).startsWith(0, 1, 3, 4).doesNotContain(2).endsWith(23);
    assertThat(grid.hourOfMinute(120)).isEqualTo(2); // the third slot is local 03:00
  }

  @Test
  void fallBackDayHas25HoursWithOneOclockTwice() {
    DayGrid grid = DayGrid.of(LocalDate.of(2026, 11, 1), NY, new FlatTariff(0.15));
    assertThat(grid.hours()).isEqualTo(25);
    assertThat(grid.minutes()).isEqualTo(1500);
    assertThat(hourLabels(grid)).startsWith(0, 1, 1, 2).endsWith(23);
    assertThat(grid.hourStart(1).getOffset()).isNotEqualTo(grid.hourStart(2).getOffset());
  }

  @Test
  void timeOfUseRatesChangeAtTheWindowEdges() {
    // Built directly: ConfigLoader cannot parse a window's days list yet (reported to the
    // integrator).
    Tariff tou =
        new TimeOfUseTariff(
            0.12,
            List.of(
                new TariffWindow(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(16, 0),
                    LocalTime.of(21, 0),
                    0.32)));
    DayGrid friday = DayGrid.of(LocalDate.of(2026, 11, 27), NY, tou);
    assertThat(friday.rateOfMinute(16 * 60 - 1)).isEqualTo(0.12);
    assertThat(friday.rateOfMinute(16 * 60)).isEqualTo(0.32);
    assertThat(friday.rateOfMinute(21 * 60 - 1)).isEqualTo(0.32);
    assertThat(friday.rateOfMinute(21 * 60)).isEqualTo(0.12);
    DayGrid saturday = DayGrid.of(LocalDate.of(2026, 11, 28), NY, tou);
    assertThat(saturday.rateOfMinute(17 * 60)).isEqualTo(0.12);
  }
}
