package org.p2penergy.analytics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.config.AnomalySettings;
import org.p2penergy.home.config.Appliance;
import org.p2penergy.home.config.ApplianceKind;
import org.p2penergy.home.config.FlatTariff;
import org.p2penergy.home.config.Tariff;
import org.p2penergy.home.config.TariffWindow;
import org.p2penergy.home.config.TimeOfUseTariff;

/** Expected values are worked out by hand from the readings in each test. */
class DeviceDayTest {
  static final ZoneId NY = ZoneId.of("America/New_York");
  static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
  static final double WS = 3.6e6;

  static Appliance appliance(ApplianceKind kind, double floor, int maxGapS) {
    return new Appliance(
        "dev", "Dev", kind, floor, Duration.ofSeconds(maxGapS), kind.defaultStates());
  }

  static DeviceDay day(Appliance a, LocalDate date, Tariff tariff, IntegrationRule rule) {
    return new DeviceDay(a, DayGrid.of(date, NY, tariff), rule, AnomalySettings.defaults());
  }

  static DeviceDay day(Appliance a) {
    return day(a, FRIDAY, new FlatTariff(0.15), IntegrationRule.LEFT);
  }

  static long at(LocalDate date, String time) {
    Instant t = date.atTime(LocalTime.parse(time)).atZone(NY).toInstant();
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }

  static long at(String time) {
    return at(FRIDAY, time);
  }

  @Nested
  class Energy {
    @Test
    void eachReadingHoldsUntilTheNext() {
      DeviceDay d = day(appliance(ApplianceKind.GENERIC, 0, 60));
      d.add(at("10:00:00"), 100);
      d.add(at("10:00:30"), 200);
      d.add(at("10:01:00"), 0);
      DeviceDayResult r = d.finish(10);
      assertThat(r.kwh()).isCloseTo((100 * 30 + 200 * 30) / WS, within(1e-15));
      assertThat(r.cost()).isCloseTo((100 * 30 + 200 * 30) / WS * 0.15, within(1e-15));
      assertThat(r.coverage()).isCloseTo(60 / 86_400.0, within(1e-15));
      assertThat(r.readings()).isEqualTo(3);
      assertThat(r.meanW()).isCloseTo(150, within(1e-9));
    }

    @Test
    void aGapIsNeverChargedAtTheValueAfterIt() {
      DeviceDay d = day(appliance(ApplianceKind.GENERIC, 0, 60));
      d.add(at("10:00:00"), 100);
      d.add(at("10:05:00"), 2000); // 300 s later: the outage is not billed at 2000 W (nor 100 W)
      d.add(at("10:05:30"), 2000);
      DeviceDayResult r = d.finish(10);
      assertThat(r.kwh()).isCloseTo(2000 * 30 / WS, within(1e-15));
      assertThat(r.coverage()).isCloseTo(30 / 86_400.0, within(1e-15));
      // uncovered: 00:00-10:05:00 and 10:05:30-24:00
      assertThat(r.gaps()).isEqualTo(2);
    }

    @Test
    void noiseFloorIsSubtractedAndClampedAtZero() {
      DeviceDay d = day(appliance(ApplianceKind.GENERIC, 5.5, 60));
      d.add(at("10:00:00"), 3);
      d.add(at("10:00:10"), 15.5);
      d.add(at("10:00:20"), 15.5);
      DeviceDayResult r = d.finish(10);
      assertThat(r.kwh()).isCloseTo(10 * 10 / WS, within(1e-15));
      assertThat(r.peakW()).isEqualTo(10);
    }

    @Test
    void trapezoidIsLinearBetweenReadings() {
      DeviceDay d =
          day(
              appliance(ApplianceKind.GENERIC, 0, 60),
              FRIDAY,
              new FlatTariff(1),
              IntegrationRule.TRAPEZOID);
      d.add(at("10:00:00"), 0);
      d.add(at("10:00:10"), 100);
      d.add(at("10:00:20"), 100);
      DeviceDayResult r = d.finish(10);
      assertThat(r.kwh()).isCloseTo((500 + 1000) / WS, within(1e-15));
    }

    @Test
    void anIntervalIsSplitAtTheLocalHour() {
      DeviceDay d = day(appliance(ApplianceKind.GENERIC, 0, 60));
      d.add(at("00:59:30"), 100);
      d.add(at("01:00:20"), 100);
      d.add(at("01:00:30"), 100);
      DeviceDayResult r = d.finish(10);
      assertThat(r.hourlyKwh()[0]).isCloseTo(100 * 30 / WS, within(1e-15));
      assertThat(r.hourlyKwh()[1]).isCloseTo(100 * 30 / WS, within(1e-15));
      assertThat(r.curveW()[59]).isEqualTo(100);
      assertThat(r.curveW()[58]).isNaN();
    }

    @Test
    void aReadingBeforeMidnightBelongsPartlyToEachDay() {
      Appliance a = appliance(ApplianceKind.GENERIC, 0, 60);
      LocalDate thursday = FRIDAY.minusDays(1);
      DeviceDay before = day(a, thursday, new FlatTariff(0.15), IntegrationRule.LEFT);
      DeviceDay after = day(a);
      for (DeviceDay d : List.of(before, after)) {
        d.add(at(thursday, "23:59:40"), 100);
        d.add(at("00:00:10"), 100);
        d.add(at("00:00:20"), 100);
      }
      assertThat(before.finish(10).kwh()).isCloseTo(100 * 20 / WS, within(1e-15));
      DeviceDayResult r = after.finish(10);
      assertThat(r.kwh()).isCloseTo(100 * 20 / WS, within(1e-15));
      assertThat(r.readings()).isEqualTo(2);
    }

    @Test
    void theFallBackDayHas25ChargedHours() {
      LocalDate sunday = LocalDate.of(2026, 11, 1);
      DeviceDay d =
          day(
              appliance(ApplianceKind.GENERIC, 0, 60),
              sunday,
              new FlatTariff(0.1),
              IntegrationRule.LEFT);
      long start = at(sunday, "00:00:00");
      for (int i = 0; i <= 25 * 60; i++) {
        d.add(start + i * 60_000_000L, 10);
      }
      DeviceDayResult r = d.finish(10);
      assertThat(r.kwh()).isCloseTo(10 * 25 * 3600 / WS, within(1e-12));
      assertThat(r.hourlyKwh()).hasSize(25);
      for (double h : r.hourlyKwh()) {
        assertThat(h).isCloseTo(0.01, within(1e-12));
      }
      assertThat(r.coverage()).isCloseTo(1, within(1e-12));
      assertThat(r.curveW()).hasSize(1500);
    }

    @Test
    void timeOfUseCostSplitsAtTheWindowEdge() {
      Tariff tou =
          new TimeOfUseTariff(
              0.12,
              List.of(
                  new TariffWindow(
                      Set.of(DayOfWeek.FRIDAY), LocalTime.of(16, 0), LocalTime.of(21, 0), 0.32)));
      DeviceDay d = day(appliance(ApplianceKind.GENERIC, 0, 60), FRIDAY, tou, IntegrationRule.LEFT);
      d.add(at("15:59:30"), 1000);
      d.add(at("16:00:30"), 1000);
      DeviceDayResult r = d.finish(10);
      // 30 s at 0.12 and 30 s at 0.32, 1000 W
      assertThat(r.cost()).isCloseTo(1000 * 30 / WS * (0.12 + 0.32), within(1e-15));
      assertThat(r.hourlyCost()[15]).isCloseTo(1000 * 30 / WS * 0.12, within(1e-15));
      assertThat(r.hourlyCost()[16]).isCloseTo(1000 * 30 / WS * 0.32, within(1e-15));
    }

    @Test
    void standbyIsTheLowPercentileAndItsEnergyOverTheCoveredTime() {
      DeviceDay d = day(appliance(ApplianceKind.GENERIC, 0, 60));
      long t = at("10:00:00");
      double[] watts = {2, 2, 2, 2, 2, 2, 2, 2, 2, 100};
      for (int i = 0; i < watts.length; i++) {
        d.add(t + i * 10_000_000L, watts[i]);
      }
      DeviceDayResult r = d.finish(10);
      assertThat(r.standbyW()).isEqualTo(2);
      assertThat(r.standbyKwh()).isCloseTo(2 * 90 / WS, within(1e-15));
      assertThat(r.standbyCost()).isCloseTo(2 * 90 / WS * 0.15, within(1e-15));
    }

    @Test
    void duplicatesAreCountedNotCharged() {
      DeviceDay d = day(appliance(ApplianceKind.GENERIC, 0, 60));
      d.add(at("10:00:00"), 100);
      d.duplicate(at("10:00:00"));
      d.add(at("10:00:10"), 100);
      DeviceDayResult r = d.finish(10);
      assertThat(r.duplicates()).isEqualTo(1);
      assertThat(r.readings()).isEqualTo(2);
      assertThat(r.kwh()).isCloseTo(1000 / WS, within(1e-15));
    }
  }

  @Nested
  class StatesAndCycles {
    private DeviceDayResult fridge(double[][] secondsAndWatts) {
      DeviceDay d = day(appliance(ApplianceKind.FRIDGE, 0, 60));
      long t = at("10:00:00");
      for (double[] step : secondsAndWatts) {
        for (int s = 0; s < step[0]; s += 30) {
          d.add(t, step[1]);
          t += 30_000_000L;
        }
      }
      d.add(t, 20);
      return d.finish(10);
    }

    @Test
    void aShortCompressorRunIsShortCycling() {
      DeviceDayResult r = fridge(new double[][] {{60, 20}, {60, 160}, {60, 20}});
      assertThat(r.cycles()).isEqualTo(1);
      assertThat(r.findings()).extracting(Finding::kind).contains(Finding.SHORT_CYCLING);
      Finding f =
          r.findings().stream()
              .filter(x -> x.kind().equals(Finding.SHORT_CYCLING))
              .findFirst()
              .get();
      assertThat(f.detail()).isEqualTo("compressor ran 1 min (minimum 2 min)");
      assertThat(f.startUs()).isEqualTo(at("10:01:00"));
      assertThat(f.endUs()).isEqualTo(at("10:02:00"));
    }

    @Test
    void aThreeHourRunIsTooLong() {
      DeviceDayResult r = fridge(new double[][] {{60, 840}, {3 * 3600, 160}, {60, 20}});
      assertThat(r.findings()).extracting(Finding::kind).contains(Finding.LONG_RUN);
      assertThat(r.findings()).extracting(Finding::kind).doesNotContain(Finding.SHORT_CYCLING);
      assertThat(r.onSeconds()).isEqualTo(60 + 3 * 3600);
      StateTotal surge =
          r.states().stream().filter(s -> s.state().equals("start_surge")).findFirst().get();
      assertThat(surge.entries()).isEqualTo(1);
      assertThat(surge.kwh()).isCloseTo(840 * 60 / WS, within(1e-15));
    }

    @Test
    void aDoorOpenLongerThanTwoMinutesIsAnAnomalyAndShorterIsNot() {
      DeviceDayResult r = fridge(new double[][] {{60, 35}, {60, 20}, {150, 35}, {30, 20}});
      StateTotal door =
          r.states().stream().filter(s -> s.state().equals("door_open")).findFirst().get();
      assertThat(door.entries()).isEqualTo(2);
      assertThat(door.seconds()).isEqualTo(60 + 150);
      List<Finding> doors =
          r.findings().stream().filter(f -> f.kind().equals(Finding.DOOR_LEFT_OPEN)).toList();
      assertThat(doors).hasSize(1);
      assertThat(doors.get(0).detail()).isEqualTo("door open 2.5 min (threshold 2 min)");
      assertThat(r.cycles()).isZero();
    }

    @Test
    void microwaveSessionsCarryTheirLevel() {
      DeviceDay d = day(appliance(ApplianceKind.MICROWAVE, 5.5, 60));
      long t = at("12:00:00");
      double[] raw = {0, 705.5, 705.5, 0, 2005.5, 2005.5, 2005.5, 0};
      for (double w : raw) {
        d.add(t, w);
        t += 10_000_000L;
      }
      DeviceDayResult r = d.finish(10);
      assertThat(r.cycles()).isEqualTo(2);
      assertThat(r.timeline())
          .extracting(Episode::state, Episode::detail, Episode::seconds)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("level_3", "level 3", 20.0),
              org.assertj.core.groups.Tuple.tuple("level_10", "level 10", 30.0));
      assertThat(r.kwh()).isCloseTo((700 * 20 + 2000 * 30) / WS, within(1e-15));
    }
  }
}
