package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The community models' long-run figures, against what their parameters give by hand. */
class CommunityModelsTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final long DAY0 = Instant.parse("2026-01-01T00:00:00+01:00").toEpochMilli();
  static final long DAY = 86_400_000L;

  @Nested
  class Fridge {
    /** A small fridge: 40-min cycles of 10–16 min runs, 90 W, LED light, busy door. */
    final FridgeModel.Params small =
        new FridgeModel.Params(
            14, 3, 90, 520, 40 * 60_000L, 10 * 60_000L, 10 * 60_000L, 16 * 60_000L, 0.6, 0.05, 0.1);

    @Test
    void runsFollowTheParameters() {
      FridgeModel fridge = new FridgeModel(5, BERLIN, small);
      long on = 0;
      int slots = 5_000;
      for (long slot = 0; slot < slots; slot++) {
        FridgeModel.Run run = fridge.runInSlot(slot);
        assertThat(run.length()).isBetween(10 * 60_000L, 16 * 60_000L);
        assertThat(run.start()).isBetween(slot * 40 * 60_000L, slot * 40 * 60_000L + 10 * 60_000L);
        on += run.length();
      }
      // mean run 13 min in 40-min slots: duty 0.325; sd of the mean over 5000 runs is 0.0004
      assertThat(small.dutyCycle()).isCloseTo(0.325, within(1e-12));
      assertThat(on / (slots * 40.0 * 60_000)).isCloseTo(0.325, within(0.005));
    }

    @Test
    void levelsAreTheFridgesOwn() {
      FridgeModel fridge = new FridgeModel(5, BERLIN, small);
      FridgeModel.Run run = fridge.runInSlot(777);
      assertThat(fridge.watts(run.start())).isEqualTo(520);
      assertThat(fridge.watts(run.start() + run.surge() + 1)).isIn(90.0, 93.0);
      assertThat(fridge.watts(run.start() + run.length())).isIn(14.0, 17.0);
    }

    @Test
    void theDoorOpensAsOftenAsItsHabitsSay() {
      FridgeModel fridge = new FridgeModel(5, BERLIN, small);
      int openings = 0;
      int days = 200;
      for (long hour = DAY0 / 3_600_000L; hour < DAY0 / 3_600_000L + days * 24L; hour++) {
        FridgeModel.Window door = fridge.doorInHour(hour);
        if (door.end() > door.start()) openings++;
      }
      // 17 day hours × 0.6 + 7 night hours × 0.05 = 10.55 a day (sd of the mean 0.15)
      assertThat(openings / (double) days).isCloseTo(10.55, within(0.5));
    }

    @Test
    void aRunThatWouldOutlastItsSlotIsRefused() {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  new FridgeModel.Params(
                      20,
                      15,
                      145,
                      840,
                      30 * 60_000L,
                      10 * 60_000L,
                      15 * 60_000L,
                      25 * 60_000L,
                      0.3,
                      0.03,
                      0.06))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theKettleBoilsAFewTimesADayForTwoToFourMinutesAtItsRating() {
    KettleModel kettle = new KettleModel(9, BERLIN, new KettleModel.Params(2400, 1));
    // 3 × 0.45 + 3 × 0.12 + 2 × 0.25 + 6 × 0.20 + 3 × 0.15 = 3.86 a day
    assertThat(kettle.boilsPerDay()).isCloseTo(3.86, within(1e-9));
    int boils = 0;
    int days = 365;
    TreeSet<Integer> hours = new TreeSet<>();
    for (long hour = DAY0 / 3_600_000L; hour < DAY0 / 3_600_000L + days * 24L; hour++) {
      HourlySessions.Session s = kettle.sessionInHour(hour);
      if (s.end() > s.start()) {
        boils++;
        assertThat(s.end() - s.start()).isBetween(120_000L, 240_000L);
        assertThat(s.watts()).isEqualTo(2400);
        assertThat(s.end()).isLessThanOrEqualTo((hour + 1) * 3_600_000L);
        hours.add(Instant.ofEpochMilli(s.start()).atZone(BERLIN).getHour());
        assertThat(kettle.watts(s.start())).isEqualTo(2400);
        assertThat(kettle.watts(s.end())).isZero();
      }
    }
    // variance of a day's count: the sum of p(1 - p) = 2.78, so the sd of the mean is 0.09
    assertThat(boils / (double) days).isCloseTo(3.86, within(0.3));
    assertThat(hours.first()).isEqualTo(6);
    assertThat(hours.last()).isEqualTo(22);
  }

  @Test
  void theWashingMachineRunsOneCycleOfOneToTwoHoursOnSomeDays() {
    WashingMachineModel.Params p = new WashingMachineModel.Params(2100, 200, 450, 1.2, 0.5);
    WashingMachineModel machine = new WashingMachineModel(4, BERLIN, p);
    int cycles = 0;
    int days = 400;
    for (int d = 0; d < days; d++) {
      long t = DAY0 + d * DAY + 3_600_000L;
      WashingMachineModel.Cycle cycle = machine.day(t).plan();
      if (cycle == null) {
        assertThat(LoadEnergy.sampledWs(machine, DAY0 + d * DAY, DAY0 + (d + 1) * DAY, 1000))
            .isCloseTo(1.2 * 86_400, within(1e-6)); // standby all day
        continue;
      }
      cycles++;
      long minutes = (cycle.end() - cycle.start()) / 60_000;
      assertThat(minutes).isBetween(54L, 115L);
      ZonedDateTime start = Instant.ofEpochMilli(cycle.start()).atZone(BERLIN);
      assertThat(start.getHour()).isBetween(7, 19);
      assertThat(cycle.watts()).containsExactly(20, 2100, 200, 200, 450);
      long heating = (cycle.edges()[2] - cycle.edges()[1]) / 60_000;
      assertThat(heating).isBetween(6L, 25L);
      assertThat(machine.watts(cycle.edges()[1])).isEqualTo(2100);
      assertThat(machine.watts(cycle.end())).isEqualTo(1.2);
    }
    // p = 0.5 over 400 days: sd of the share 0.025
    assertThat(cycles / (double) days).isCloseTo(0.5, within(0.08));
  }

  @Test
  void theComputerIsOnInItsSessionsOnlyBetween70And130PercentOfItsPower() {
    ComputerModel.Params p = new ComputerModel.Params(100, 2, 0.7, 0.9);
    ComputerModel computer = new ComputerModel(3, BERLIN, p);
    int evenings = 0;
    int weekdays = 0;
    int daySessions = 0;
    int days = 300;
    for (int d = 0; d < days; d++) {
      long noon = DAY0 + d * DAY + 12 * 3_600_000L;
      long[] sessions = computer.day(noon).plan();
      boolean weekday =
          Instant.ofEpochMilli(noon).atZone(BERLIN).getDayOfWeek().compareTo(DayOfWeek.SATURDAY)
              < 0;
      weekdays += weekday ? 1 : 0;
      for (int i = 0; i < sessions.length; i += 2) {
        int hour = Instant.ofEpochMilli(sessions[i]).atZone(BERLIN).getHour();
        long length = sessions[i + 1] - sessions[i];
        if (hour >= 18) {
          evenings++;
          assertThat(length).isBetween(3_600_000L, 3 * 3_600_000L + 1_800_000L);
        } else {
          daySessions++;
          assertThat(weekday).isTrue();
          assertThat(hour).isBetween(8, 9);
          assertThat(length).isBetween(6 * 3_600_000L, 8 * 3_600_000L + 1_800_000L);
        }
        for (long t = sessions[i]; t < sessions[i + 1]; t += 60_000) {
          assertThat(computer.watts(t)).isBetween(70.0, 130.0);
        }
      }
      assertThat(computer.watts(DAY0 + d * DAY + 3 * 3_600_000L)).isEqualTo(2); // 03:00
    }
    assertThat(evenings / (double) days).isCloseTo(0.7, within(0.1));
    assertThat(daySessions / (double) weekdays).isCloseTo(0.9, within(0.08));
  }
}
